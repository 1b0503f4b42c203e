import { DomainError } from '../domain/errors';
import type { RateLimiter } from '../domain/people/ports';
import { env } from './env';

/** Refuses with 429 and Retry-After once a user has tried too often this minute. */
export async function enforceRateLimit(
  limiter: RateLimiter,
  scope: 'signup' | 'login' | 'redeem' | 'phone',
  subject: string,
): Promise<void> {
  const { signupsPerMinute, loginsPerMinute, redeemsPerMinute } = env().rateLimits;
  // WeChat charges for each phone number: a person taps the button a few times at most.
  const limit = { signup: signupsPerMinute, login: loginsPerMinute, redeem: redeemsPerMinute, phone: 5 }[
    scope
  ];
  const { allowed, retryAfterSeconds } = await limiter.hit(scope, subject, limit, 60, Date.now());
  if (!allowed) {
    throw new DomainError('RATE_LIMITED', {
      message: `操作太频繁了，请 ${retryAfterSeconds} 秒后再试`,
      details: { retryAfterSeconds },
    });
  }
}
