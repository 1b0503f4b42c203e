import { getMajor } from '../domain/catalog';
import { CACHE_TTL_MS, httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => ok(await getMajor(stores.catalog, pathId(req)), 'public'), {
  cacheTtlMs: CACHE_TTL_MS.catalog,
});
