import { ROUTES } from '../../shared/routes';
import { updateCertificate } from '../domain/catalog/editing';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PATCH /staff/certificates/{id}'],
  async ({ caller, params, body }) => ok(await updateCertificate(stores, caller, params.id, body)),
  { users: stores.users },
);
