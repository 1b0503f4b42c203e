import { ROUTES } from '../../shared/routes';
import { copyActivity } from '../domain/activities/activities';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities/{id}/copy'],
  async ({ caller, params, body }) => created(await copyActivity(stores, caller, params.id, body)),
  { users: stores.users },
);
