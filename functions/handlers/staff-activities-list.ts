import { ROUTES } from '../../shared/routes';
import { listManagedActivities } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/activities'],
  async ({ caller }) => ok(await listManagedActivities(stores, caller)),
  { users: stores.users },
);
