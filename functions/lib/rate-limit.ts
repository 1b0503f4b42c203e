import { DomainError } from '../domain/errors';
import type { RateLimiter } from '../domain/people/ports';
import { env } from './env';

/** Refuses with 429 and Retry-After once a user has tried too often this minute. */
export async function enforceRateLimit(
  limiter: RateLimiter,
  scope: 'signup' | 'login',
  subject: string,
): Promise<void> {
  const { signupsPerMinute, loginsPerMinute } = env().rateLimits;
  const limit = scope === 'signup' ? signupsPerMinute : loginsPerMinute;
  const { allowed, retryAfterSeconds } = await limiter.hit(scope, subject, limit, 60, Date.now());
  if (!allowed) {
    throw new DomainError('RATE_LIMITED', {
      message: `操作太频繁了，请 ${retryAfterSeconds} 秒后再试`,
      details: { retryAfterSeconds },
    });
  }
}
