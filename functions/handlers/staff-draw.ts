import { drawNow } from '../domain/lottery';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) =>
  ok(await drawNow(stores, await staffCaller(req, stores.users), pathId(req))),
);
