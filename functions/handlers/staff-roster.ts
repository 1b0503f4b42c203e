import { ROUTES } from '../../shared/routes';
import { roster, rosterCsv } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/activities/{id}/signups'],
  async ({ caller, params: { id }, query }) => {
    const list = await roster(stores, caller, id);
    if (query.format !== 'csv') return ok(list);
    return {
      ...ok(list),
      rawBody: rosterCsv(list.items),
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="roster-${id}.csv"; filename*=UTF-8''${encodeURIComponent(`名单-${id}.csv`)}`,
      },
    };
  },
  { users: stores.users },
);
