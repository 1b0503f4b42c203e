import { CancelActivityInputSchema } from '../../shared/schemas/staff';
import { cancelActivity } from '../domain/activities';
import { staffCaller } from '../lib/caller';
import { httpHandler, jsonBody, ok, parse, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  const id = pathId(req);
  const { reason } = parse(CancelActivityInputSchema, jsonBody(req));
  return ok(await cancelActivity(stores, caller, id, reason));
});
