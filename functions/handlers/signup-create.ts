import { ROUTES } from '../../shared/routes';
import { createSignup } from '../domain/signups/signups';
import { created, httpHandler, ok } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /signups'], async ({ caller, body, idempotencyKey }) => {
  await enforceRateLimit(stores.rateLimiter, 'signup', caller.userId);
  const { signup, replayed } = await createSignup(stores, caller, body, idempotencyKey);
  return replayed ? ok(signup) : created(signup);
});
