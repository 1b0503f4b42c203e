import { staffCancelSignup } from '../domain/signups';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) =>
  ok(await staffCancelSignup(stores, await staffCaller(req, stores.users), pathId(req))),
);
