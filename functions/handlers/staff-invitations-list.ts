import { ROUTES } from '../../shared/routes';
import { listInvitations } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/invitations'],
  async ({ caller, query }) => ok(await listInvitations(stores, caller, query.schoolId)),
  { users: stores.users },
);
