import { createHash } from 'node:crypto';
import { ROUTES } from '../../shared/routes';
import { toIso } from '../../shared/time';
import { DomainError } from '../domain/errors';
import { shortIdOf } from '../domain/people/people';
import { DEV_LOGIN, issueToken } from '../lib/auth';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { code2Session } from '../lib/wechat';
import { enforceRateLimit } from '../lib/rate-limit';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /auth/login'], async (req) => {
  const { code } = req.body;
  const config = env();
  let userId: string;
  let openId: string | undefined;
  const dev = DEV_LOGIN.exec(code);
  if (config.stage === 'local' && dev?.[1]) {
    userId = dev[1];
  } else if (code.startsWith('dev:')) {
    throw new DomainError('INVALID_LOGIN_CODE');
  } else {
    openId = (await code2Session(config.wechat, code)).openId;
    // The openid is not an id we hand out: the user id is derived from it.
    userId = `wx-${createHash('sha256').update(openId).digest('hex').slice(0, 24)}`;
  }
  await enforceRateLimit(stores.rateLimiter, 'login', userId);
  const user = await stores.users.ensure(
    userId,
    { shortId: shortIdOf(userId), ...(openId ? { openId } : {}) },
    toIso(Date.now()),
  );
  const { token, expiresAt } = issueToken(
    { sub: user.id, roles: user.roles, stg: config.stage },
    config.tokenSecret,
    config.tokenTtlSeconds,
  );
  return ok({ token, userId: user.id, roles: user.roles, expiresAt: toIso(expiresAt) });
});
