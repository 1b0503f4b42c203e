import { ROUTES } from '../../shared/routes';
import { listCertificates } from '../domain/catalog/catalog';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /certificates'],
  async (req) => ok(await listCertificates(stores.catalog, req.query)),
  { cacheTtlMs: CACHE_TTL_MS.catalog, cacheGroup: 'catalog' },
);
