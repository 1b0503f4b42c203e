import { EnrolmentInputSchema } from '../../shared/schemas/staff';
import { setEnrolment } from '../domain/attendance';
import { staffCaller } from '../lib/caller';
import { httpHandler, jsonBody, ok, parse, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = await staffCaller(req, stores.users);
  const schoolId = pathId(req);
  const input = parse(EnrolmentInputSchema, jsonBody(req));
  return ok(await setEnrolment(stores, caller, schoolId, input));
});
