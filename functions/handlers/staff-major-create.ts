import { ROUTES } from '../../shared/routes';
import { createMajor } from '../domain/catalog/editing';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/majors'],
  async ({ caller, body }) => created(await createMajor(stores, caller, body)),
  { users: stores.users },
);
