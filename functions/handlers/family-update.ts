import { FamilyMemberInputSchema } from '../../shared/schemas/signup';
import { updateFamilyMember } from '../domain/family';
import { httpHandler, jsonBody, ok, parse, pathId, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  const id = pathId(req);
  return ok(await updateFamilyMember(stores, caller, id, parse(FamilyMemberInputSchema, jsonBody(req))));
});
