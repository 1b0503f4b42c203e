import { ROUTES } from '../../shared/routes';
import { importCatalog } from '../domain/catalog/workbook';
import { httpHandler, ok } from '../lib/http';
import { readCatalogWorkbook } from '../lib/xlsx';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/catalog/import'],
  async ({ caller, query, body }) =>
    ok(
      await importCatalog(stores, caller, () => readCatalogWorkbook(body), {
        dryRun: query.dryRun ?? false,
      }),
    ),
  { users: stores.users },
);
