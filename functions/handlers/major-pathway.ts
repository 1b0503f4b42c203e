import { ROUTES } from '../../shared/routes';
import { majorPathway } from '../domain/catalog/pathway';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /majors/{id}/pathway'],
  async (req) => ok(await majorPathway(stores.catalog, req.params.id)),
  { cacheTtlMs: CACHE_TTL_MS.catalog, cacheGroup: 'catalog' },
);
