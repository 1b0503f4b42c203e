import { saveBlob } from '@/lib/save-blob.h5';

/** H5: the browser saves the file. */
export async function saveJson(fileName: string, text: string): Promise<'saved' | 'cancelled' | 'shown'> {
  saveBlob(new Blob([text], { type: 'application/json;charset=utf-8' }), fileName);
  return 'saved';
}
