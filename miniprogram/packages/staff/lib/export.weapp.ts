import Taro from '@tarojs/taro';
import { rosterCsvUrl } from './csv-url';

/** WeChat: download the CSV with the token, then share it to a chat (where Excel or WPS opens it). */
export async function exportRoster(activityId: string, token: string, fileName: string): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: rosterCsvUrl(activityId),
    header: { Authorization: `Bearer ${token}` },
  });
  if (statusCode !== 200) throw new Error(`导出失败（${statusCode}）`);
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName });
}
