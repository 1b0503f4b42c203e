import { ROUTES } from '../../shared/routes';
import { getMajor } from '../domain/catalog/catalog';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /majors/{id}'],
  async (req) => ok(await getMajor(stores.catalog, req.params.id)),
  { cacheTtlMs: CACHE_TTL_MS.catalog, cacheGroup: 'catalog' },
);
