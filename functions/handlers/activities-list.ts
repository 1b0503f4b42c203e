import { ROUTES } from '../../shared/routes';
import { listActivities } from '../domain/activities/activities';
import { DomainError } from '../domain/errors';
import { CACHE_TTL_MS, httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /activities'],
  async ({ query }) => {
    if (query.schoolId && !(await stores.catalog.listSchools()).some((s) => s.id === query.schoolId)) {
      throw new DomainError('INVALID_QUERY', { fields: [{ field: 'schoolId', message: '没有这所学校' }] });
    }
    return ok(await listActivities(stores, { ...query, limit: query.limit ?? 20 }));
  },
  { cacheTtlMs: CACHE_TTL_MS.activities },
);
