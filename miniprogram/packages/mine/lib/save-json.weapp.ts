import Taro from '@tarojs/taro';

const cancelled = (error: unknown) => /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '');

/**
 * WeChat: writes the file into the app's own folder (FileSystemManager) and sends it to a chat
 * (shareFileMessage), from where it can be saved or forwarded. `shown` where WeChat offers no file share (on
 * a PC, an old client): the page then shows the text to copy.
 */
export async function saveJson(fileName: string, text: string): Promise<'saved' | 'cancelled' | 'shown'> {
  const filePath = `${Taro.env.USER_DATA_PATH}/my-data.json`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName });
    return 'saved';
  } catch (error) {
    return cancelled(error) ? 'cancelled' : 'shown';
  }
}
