import { saveBlob } from '@/lib/save-blob.h5';
import { toApiError } from '@/services/request';
import { catalogXlsxUrl } from './catalog-api';
import { fileNameFrom } from './catalog-import';

/**
 * H5 (the bureau's office PC): fetch the workbook with the token and hand the browser a Blob to save, under
 * the name the server gives (Content-Disposition), else `fallbackName`.
 */
export async function exportCatalog(token: string, fallbackName: string): Promise<string> {
  const res = await fetch(catalogXlsxUrl(), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const name = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}
