import { rosterCsvUrl } from './csv-url';

/** H5: fetch the CSV with the token and hand the browser a Blob to save. */
export async function exportRoster(activityId: string, token: string, fileName: string): Promise<void> {
  const res = await fetch(rosterCsvUrl(activityId), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`导出失败（${res.status}）`);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
