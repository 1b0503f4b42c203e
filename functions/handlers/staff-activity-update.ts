import { ActivityPatchInputSchema } from '../../shared/schemas/activity';
import { reviseActivity } from '../domain/activities';
import { staffCaller } from '../lib/caller';
import { httpHandler, jsonBody, ok, parse, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  const id = pathId(req);
  const patch = parse(ActivityPatchInputSchema, jsonBody(req));
  return ok(await reviseActivity(stores, caller, id, patch));
});
