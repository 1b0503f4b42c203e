import { ROUTES } from '../../shared/routes';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { enforceRateLimit } from '../lib/rate-limit';
import { userPhoneNumber } from '../lib/wechat';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /me/phone'], async ({ caller, body }) => {
  await enforceRateLimit(stores.rateLimiter, 'phone', caller.userId);
  return ok(await userPhoneNumber(env().wechat, body.code));
});
