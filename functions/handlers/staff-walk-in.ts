import { ROUTES } from '../../shared/routes';
import { walkIn } from '../domain/attendance/attendance';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities/{id}/walk-ins'],
  async ({ caller, params, body }) => created(await walkIn(stores, caller, params.id, body)),
  { users: stores.users },
);
