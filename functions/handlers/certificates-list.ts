import { CertificateListQuerySchema } from '../../shared/schemas/catalog';
import { listCertificates } from '../domain/catalog';
import { CACHE_TTL_MS, httpHandler, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const query = parse(CertificateListQuerySchema, req.query, 'INVALID_QUERY');
    return ok(await listCertificates(stores.catalog, query), 'public');
  },
  { query: true, cacheTtlMs: CACHE_TTL_MS.catalog },
);
