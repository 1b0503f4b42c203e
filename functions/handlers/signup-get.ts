import { signupDetail } from '../domain/attendance';
import { staffCaller } from '../lib/caller';
import { env } from '../lib/env';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  return ok(await signupDetail(stores, caller, pathId(req), env().tokenSecret));
});
