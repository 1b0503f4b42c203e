import { removeFamilyMember } from '../domain/family';
import { httpHandler, pathId, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  await removeFamilyMember(stores, requireCaller(req), pathId(req));
  return { status: 204 };
});
