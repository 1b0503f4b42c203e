import { ROUTES } from '../../shared/routes';
import { createCertificate } from '../domain/catalog/editing';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /staff/certificates'],
  async ({ caller, body }) => created(await createCertificate(stores, caller, body)),
  { users: stores.users },
);
