import { getCertificate } from '../domain/catalog';
import { CACHE_TTL_MS, httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => ok(await getCertificate(stores.catalog, pathId(req)), 'public'),
  { cacheTtlMs: CACHE_TTL_MS.catalog },
);
