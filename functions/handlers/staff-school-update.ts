import { ROUTES } from '../../shared/routes';
import { updateSchool } from '../domain/catalog/editing';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PATCH /staff/schools/{id}'],
  async ({ caller, params, body }) => ok(await updateSchool(stores, caller, params.id, body)),
  { users: stores.users },
);
