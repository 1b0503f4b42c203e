import { FamilyMemberInputSchema } from '../../shared/schemas/signup';
import { addFamilyMember } from '../domain/family';
import { created, httpHandler, jsonBody, parse, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  return created(await addFamilyMember(stores, caller, parse(FamilyMemberInputSchema, jsonBody(req))));
});
