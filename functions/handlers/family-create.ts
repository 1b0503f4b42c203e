import { ROUTES } from '../../shared/routes';
import { addFamilyMember } from '../domain/family/family';
import { created, httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /family-members'], async ({ caller, body }) =>
  created(await addFamilyMember(stores, caller, body)),
);
