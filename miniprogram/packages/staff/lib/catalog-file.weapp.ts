import Taro from '@tarojs/taro';
import { toApiError } from '@/services/request';
import { catalogXlsxUrl } from './catalog-api';

/** A refusal's JSON body, read back from the file downloadFile wrote it to. */
function readError(filePath: string): unknown {
  try {
    const text = Taro.getFileSystemManager().readFileSync(filePath, 'utf8') as string;
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const cancelled = (error: unknown) => /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '');

/**
 * WeChat (a school secretary's phone): download the workbook with the token, then send it to a chat
 * (shareFileMessage), where WPS or Excel opens it. Where that is not offered (WeChat on a PC, an old client),
 * the file opens in WeChat's viewer, whose menu can forward or save it.
 */
export async function exportCatalog(token: string, fileName: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: catalogXlsxUrl(),
    header: { Authorization: `Bearer ${token}` },
  });
  if (statusCode !== 200) throw toApiError(statusCode, readError(tempFilePath));
  try {
    await Taro.shareFileMessage({ filePath: tempFilePath, fileName });
  } catch (error) {
    if (cancelled(error)) return fileName;
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  }
  return fileName;
}
