import type { RateLimiter } from '../../../functions/domain/people/ports';
import { keyOf, transact, turn, type MemoryTable } from './table';

/** The in-memory RateLimiter: a fixed window per scope and subject, counted under the same condition. */
export function createMemoryRateLimiter(table: MemoryTable): RateLimiter {
  return {
    async hit(scope, subject, limit, windowSeconds, now) {
      await turn();
      const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
      const retryAfterSeconds = Math.max(1, windowStart + windowSeconds - Math.floor(now / 1000));
      const key = keyOf(scope, subject, windowStart);
      const counted = transact([
        {
          item: `rate:${key}`,
          holds: () => {
            const hits = table.rateWindows.get(key);
            return hits === undefined || hits < limit;
          },
          apply: () => table.rateWindows.set(key, (table.rateWindows.get(key) ?? 0) + 1),
        },
      ]).ok;
      return counted ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds };
    },
  };
}
