import Taro from '@tarojs/taro';

export const CAN_SCAN = true;
/** WeChat's scanner, QR only; null when staff close it. */
export async function scanCode(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result || null;
  } catch {
    return null;
  }
}
