import { ROUTES } from '../../shared/routes';
import { publishActivity } from '../domain/activities/activities';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities'],
  async ({ caller, body }) => created(await publishActivity(stores, caller, body)),
  { users: stores.users },
);
