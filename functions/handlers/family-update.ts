import { ROUTES } from '../../shared/routes';
import { updateFamilyMember } from '../domain/family/family';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['PUT /family-members/{id}'], async ({ caller, params, body }) =>
  ok(await updateFamilyMember(stores, caller, params.id, body)),
);
