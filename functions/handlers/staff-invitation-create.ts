import { ROUTES } from '../../shared/routes';
import { createInvitation } from '../domain/people/people';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/invitations'],
  async ({ caller, body }) => created(await createInvitation(stores, caller, body)),
  { users: stores.users },
);
