import { ROUTES } from '../../shared/routes';
import { listMySignups } from '../domain/signups/signups';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /signups/mine'], async ({ caller, query }) =>
  ok(await listMySignups(stores, caller, query.cursor, query.limit ?? 50)),
);
