import { XLSX_CONTENT_TYPE } from '../../shared/schemas/catalog-editing';
import { ROUTES } from '../../shared/routes';
import { exportCatalog } from '../domain/catalog/workbook';
import { httpHandler } from '../lib/http';
import { writeCatalogWorkbook } from '../lib/xlsx';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/catalog.xlsx'],
  async ({ caller }) => {
    const { rows, date } = await exportCatalog(stores, caller);
    return {
      status: 200 as const,
      body: undefined,
      binaryBody: await writeCatalogWorkbook(rows),
      headers: {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': `attachment; filename="siping-catalog-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`四平职教通-专业目录-${date}.xlsx`)}`,
      },
    };
  },
  { users: stores.users },
);
