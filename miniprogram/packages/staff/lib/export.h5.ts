import { saveBlob } from '@/lib/save-blob.h5';
import { rosterCsvUrl } from './csv-url';

/** H5: fetch the CSV with the token and hand the browser a Blob to save. */
export async function exportRoster(activityId: string, token: string, fileName: string): Promise<void> {
  const res = await fetch(rosterCsvUrl(activityId), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`导出失败（${res.status}）`);
  saveBlob(await res.blob(), fileName);
}
