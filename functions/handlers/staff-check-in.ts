import { ROUTES } from '../../shared/routes';
import { checkIn } from '../domain/attendance/attendance';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/check-ins'],
  async ({ caller, body }) => ok(await checkIn(stores, caller, body, env().tokenSecret)),
  { users: stores.users },
);
