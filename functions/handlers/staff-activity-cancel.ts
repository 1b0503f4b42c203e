import { ROUTES } from '../../shared/routes';
import { cancelActivity } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities/{id}/cancel'],
  async ({ caller, params, body }) => ok(await cancelActivity(stores, caller, params.id, body.reason)),
  { users: stores.users },
);
