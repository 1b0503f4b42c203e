import { ROUTES } from '../../shared/routes';
import { removeFamilyMember } from '../domain/family/family';
import { httpHandler } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['DELETE /family-members/{id}'], async ({ caller, params }) => {
  await removeFamilyMember(stores, caller, params.id);
  return { status: 204 as const, body: undefined };
});
