import { ROUTES } from '../../shared/routes';
import { me } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /me'], async ({ caller }) => ok(await me(stores, caller)), {
  users: stores.users,
});
