import { ROUTES } from '../../shared/routes';
import { removeMember } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['DELETE /staff/schools/{id}/members/{userId}'],
  async ({ caller, params }) => ok(await removeMember(stores, caller, params.id, params.userId)),
  { users: stores.users },
);
