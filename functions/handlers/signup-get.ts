import { getSignup } from '../domain/signups';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  return ok(await getSignup(stores, caller, pathId(req)));
});
