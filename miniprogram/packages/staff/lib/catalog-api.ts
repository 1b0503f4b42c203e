import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { callAs } from '@/lib/call-as';
import { API_BASE } from '@/services/request';

/**
 * The catalog's editing calls. They live in this subpackage, not in the main package's `services/api.ts`,
 * which every visitor downloads; like `api`, they are typed by shared/routes.ts and log in (again) as needed.
 */
type Body<K extends RouteKey> = RequestOf<K>['body'];

/**
 * The import's Content-Type: application/octet-stream, which the route takes beside the .xlsx type
 * (XLSX_CONTENT_TYPE). API Gateway passes either as bytes (base64), but serverless-offline — the local stack
 * the app and its browser tests run against — base64-encodes only octet-stream and multipart bodies and reads
 * any other as UTF-8 text, which breaks the workbook's bytes (the server then answers 这不是 Excel 表格).
 */
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

export type ImportResult = ResponseOf<'POST /staff/catalog/import'>;

export const catalogApi = {
  updateSchool: (id: string, body: Body<'PATCH /staff/schools/{id}'>) =>
    callAs('PATCH /staff/schools/{id}', { params: { id }, body }),
  createMajor: (body: Body<'POST /staff/majors'>) => callAs('POST /staff/majors', { body }),
  updateMajor: (id: string, body: Body<'PATCH /staff/majors/{id}'>) =>
    callAs('PATCH /staff/majors/{id}', { params: { id }, body }),
  /**
   * POST /staff/catalog/import with the workbook's bytes as the body (not JSON). `dryRun` shows what it would
   * do and writes nothing; without it the server applies all of it or nothing (422 while errors remain).
   */
  importCatalog: (workbook: ArrayBuffer, dryRun: boolean) =>
    callAs(
      'POST /staff/catalog/import',
      { query: { dryRun: dryRun ? 'true' : 'false' } },
      { body: workbook, headers: { 'Content-Type': UPLOAD_CONTENT_TYPE }, timeoutMs: 60_000 },
    ),
};

/** GET /staff/catalog.xlsx: the bureau gets every row, a school admin the own school's. */
export const catalogXlsxUrl = (): string => `${API_BASE}/staff/catalog.xlsx`;
