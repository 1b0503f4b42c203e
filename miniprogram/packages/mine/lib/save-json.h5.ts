/** H5: the browser saves the file (a Blob behind a download link). */
export async function saveJson(fileName: string, text: string): Promise<'saved' | 'cancelled' | 'shown'> {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'saved';
}
