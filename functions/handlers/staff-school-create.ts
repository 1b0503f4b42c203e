import { ROUTES } from '../../shared/routes';
import { createSchool } from '../domain/catalog/editing';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/schools'],
  async ({ caller, body }) => created(await createSchool(stores, caller, body)),
  { users: stores.users },
);
