import { cancelSignup } from '../domain/signups';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  return ok(await cancelSignup(stores, caller, pathId(req)));
});
