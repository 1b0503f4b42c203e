import { ROUTES } from '../../shared/routes';
import { tickOff } from '../domain/attendance/attendance';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities/{id}/attendance'],
  async ({ caller, params, body }) => ok(await tickOff(stores, caller, params.id, body)),
  { users: stores.users },
);
