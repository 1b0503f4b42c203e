/**
 * H5: the browser saves a file (a Blob behind a download link). One helper for the roster's CSV, the catalog's
 * workbook and a user's data; only H5 builds import it (WeChat saves through its own file APIs).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked once the browser has surely started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
