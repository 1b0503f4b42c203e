import { ROUTES } from '../../shared/routes';
import { createBatch } from '../domain/signups/batch';
import { httpHandler, ok } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['POST /signups/batch'],
  async ({ caller, body, idempotencyKey }) => {
    await enforceRateLimit(stores.rateLimiter, 'signup', caller.userId);
    return ok(await createBatch(stores, caller, body.activityId, body.attendees, idempotencyKey));
  },
);
