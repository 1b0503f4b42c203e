import { ROUTES } from '../../shared/routes';
import { signupDetail } from '../domain/attendance/attendance';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /signups/{id}'],
  async ({ caller, params }) => ok(await signupDetail(stores, caller, params.id, env().tokenSecret)),
  { users: stores.users },
);
