import { ROUTES } from '../../shared/routes';
import { drawNow } from '../domain/signups/lottery';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/activities/{id}/draw'],
  async ({ caller, params }) => ok(await drawNow(stores, caller, params.id)),
  { users: stores.users },
);
