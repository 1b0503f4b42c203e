import { ROUTES } from '../../shared/routes';
import { getSchool } from '../domain/catalog/catalog';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /schools/{id}'],
  async (req) => ok(await getSchool(stores.catalog, req.params.id)),
  { cacheTtlMs: CACHE_TTL_MS.catalog, cacheGroup: 'catalog' },
);
