import { ROUTES } from '../../shared/routes';
import { listMajors } from '../domain/catalog/catalog';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /majors'],
  async (req) => ok(await listMajors(stores.catalog, req.query)),
  { cacheTtlMs: CACHE_TTL_MS.catalog, cacheGroup: 'catalog' },
);
