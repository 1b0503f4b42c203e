import { CertificateListQuerySchema } from '../../shared/schemas/catalog';
import { listCertificates } from '../domain/catalog';
import { httpHandler, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const query = parse(CertificateListQuerySchema, req.query, 'INVALID_QUERY');
    return ok(await listCertificates(stores.catalog, query), 'public');
  },
  { query: true },
);
