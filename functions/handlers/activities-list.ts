import { ActivityListQuerySchema } from '../../shared/schemas/activity';
import { listActivities } from '../domain/activities';
import { DomainError } from '../domain/errors';
import { CACHE_TTL_MS, httpHandler, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const query = parse(ActivityListQuerySchema, req.query, 'INVALID_QUERY');
    if (query.schoolId && !(await stores.catalog.listSchools()).some((s) => s.id === query.schoolId)) {
      throw new DomainError('INVALID_QUERY', { fields: [{ field: 'schoolId', message: '没有这所学校' }] });
    }
    return ok(await listActivities(stores, { ...query, limit: query.limit ?? 20 }), 'revalidate');
  },
  { query: true, cacheTtlMs: CACHE_TTL_MS.activities },
);
