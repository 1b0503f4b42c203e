import { ROUTES } from '../../shared/routes';
import { cancelInvitation } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['DELETE /staff/invitations/{id}'],
  async ({ caller, params }) => ok(await cancelInvitation(stores, caller, params.id)),
  { users: stores.users },
);
