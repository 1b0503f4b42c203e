import { ROUTES } from '../../shared/routes';
import { redeemInvitation } from '../domain/people/people';
import { httpHandler, ok } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /invitations/redeem'], async ({ caller, body }) => {
  // Guessing codes costs a minute per ten tries: 80 random bits stay out of reach.
  await enforceRateLimit(stores.rateLimiter, 'redeem', caller.userId);
  return ok(await redeemInvitation(stores, caller, body.code));
});
