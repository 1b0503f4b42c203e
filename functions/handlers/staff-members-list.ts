import { ROUTES } from '../../shared/routes';
import { listMembers } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/schools/{id}/members'],
  async ({ caller, params }) => ok(await listMembers(stores, caller, params.id)),
  { users: stores.users },
);
