import { IdempotencyKeySchema, SignupCreateInputSchema } from '../../shared/schemas/signup';
import { createSignup } from '../domain/signups';
import { httpHandler, jsonBody, parse, requireCaller } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  const rawKey = req.headers['idempotency-key'];
  const key = rawKey === undefined ? undefined : parse(IdempotencyKeySchema, rawKey);
  const input = parse(SignupCreateInputSchema, jsonBody(req));
  await enforceRateLimit(stores.rateLimiter, 'signup', caller.userId);
  const { signup, replayed } = await createSignup(stores, caller, input, key);
  return { status: replayed ? 200 : 201, body: signup };
});
