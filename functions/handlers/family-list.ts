import { listFamily } from '../domain/family';
import { httpHandler, ok, requireCaller } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) =>
  ok({ items: await listFamily(stores, requireCaller(req)), nextCursor: null }),
);
