import { ROUTES } from '../../shared/routes';
import { reviseActivity } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PATCH /staff/activities/{id}'],
  async ({ caller, params, body }) => ok(await reviseActivity(stores, caller, params.id, body)),
  { users: stores.users },
);
