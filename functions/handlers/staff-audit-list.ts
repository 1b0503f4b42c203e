import { ROUTES } from '../../shared/routes';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/audit'],
  async ({ query }) => ok(await stores.audit.list(query.cursor, query.limit ?? 50)),
  { users: stores.users },
);
