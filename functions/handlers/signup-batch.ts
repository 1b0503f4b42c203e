import { IdempotencyKeySchema, SignupBatchInputSchema } from '../../shared/schemas/signup';
import { createBatch } from '../domain/batch';
import { httpHandler, jsonBody, ok, parse, requireCaller } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  const rawKey = req.headers['idempotency-key'];
  const key = rawKey === undefined ? undefined : parse(IdempotencyKeySchema, rawKey);
  const { activityId, attendees } = parse(SignupBatchInputSchema, jsonBody(req));
  await enforceRateLimit(stores.rateLimiter, 'signup', caller.userId);
  return ok(await createBatch(stores, caller, activityId, attendees, key));
});
