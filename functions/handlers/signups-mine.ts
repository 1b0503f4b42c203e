import { MineQuerySchema } from '../../shared/schemas/auth';
import { listMySignups } from '../domain/signups';
import { httpHandler, ok, parse, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const caller = requireCaller(req);
    const query = parse(MineQuerySchema, req.query, 'INVALID_QUERY');
    return ok(await listMySignups(stores, caller, query.cursor, query.limit ?? 50));
  },
  { query: true },
);
