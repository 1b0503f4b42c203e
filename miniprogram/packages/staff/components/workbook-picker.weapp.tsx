import Taro from '@tarojs/taro';
import SpButton from '@/components/sp-button';
import type { WorkbookPickerProps } from './workbook-picker.h5';

export type { Workbook, WorkbookPickerProps } from './workbook-picker.h5';

/** The file's bytes, as FileSystemManager reads them without an encoding. */
function readBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    });
  });
}

/**
 * WeChat (a school secretary's phone): the .xlsx is picked from a chat (chooseMessageFile), where the exported
 * workbook was sent and edited with WPS or Excel, then read as bytes.
 */
export default function WorkbookPicker({ label, disabled, onPick, onError }: WorkbookPickerProps) {
  const pick = async () => {
    let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    } catch (error) {
      if (!/cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '')) onError(error);
      return;
    }
    const file = chosen.tempFiles[0];
    if (!file) return;
    try {
      onPick({ name: file.name, data: await readBytes(file.path) });
    } catch (error) {
      onError(error);
    }
  };
  return (
    <SpButton block variant="secondary" disabled={disabled} onClick={() => void pick()}>
      {label}
    </SpButton>
  );
}
