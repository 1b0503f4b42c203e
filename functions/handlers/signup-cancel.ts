import { ROUTES } from '../../shared/routes';
import { cancelSignup } from '../domain/signups/signups';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['DELETE /signups/{id}'],
  async ({ caller, params }) => ok(await cancelSignup(stores, caller, params.id)),
  { users: stores.users },
);
