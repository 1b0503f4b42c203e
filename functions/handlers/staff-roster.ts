import { RosterQuerySchema } from '../../shared/schemas/staff';
import { roster, rosterCsv } from '../domain/activities';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, parse, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const caller = await staffCaller(req, stores.users);
    const id = pathId(req);
    const { format } = parse(RosterQuerySchema, req.query, 'INVALID_QUERY');
    const list = await roster(stores, caller, id);
    if (format !== 'csv') return ok(list);
    return {
      status: 200,
      rawBody: rosterCsv(list.items),
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="roster-${id}.csv"; filename*=UTF-8''${encodeURIComponent(`名单-${id}.csv`)}`,
      },
    };
  },
  { query: true },
);
