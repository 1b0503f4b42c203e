import { ActivityCreateInputSchema } from '../../shared/schemas/activity';
import { publishActivity } from '../domain/activities';
import { staffCaller } from '../lib/caller';
import { created, httpHandler, jsonBody, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  const input = parse(ActivityCreateInputSchema, jsonBody(req));
  return created(await publishActivity(stores, caller, input));
});
