import { ROUTES } from '../../shared/routes';
import { staffCancelSignup } from '../domain/signups/signups';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/signups/{id}/cancel'],
  async ({ caller, params }) => ok(await staffCancelSignup(stores, caller, params.id)),
  { users: stores.users },
);
