import { CheckInInputSchema } from '../../shared/schemas/staff';
import { checkIn } from '../domain/attendance';
import { staffCaller } from '../lib/caller';
import { env } from '../lib/env';
import { httpHandler, jsonBody, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  const input = parse(CheckInInputSchema, jsonBody(req));
  return ok(await checkIn(stores, caller, input, env().tokenSecret));
});
