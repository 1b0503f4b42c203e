import { acceptOffer } from '../domain/signups';
import { httpHandler, ok, pathId, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) =>
  ok(await acceptOffer(stores, requireCaller(req), pathId(req))),
);
