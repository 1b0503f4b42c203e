import { ROUTES } from '../../shared/routes';
import { updateMajor } from '../domain/catalog/editing';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PATCH /staff/majors/{id}'],
  async ({ caller, params, body }) => ok(await updateMajor(stores, caller, params.id, body)),
  { users: stores.users },
);
