import type { UserRecord } from '../../../shared/schemas/records';

/** Who someone is (their roles), and how often they may knock. */
export interface UserStore {
  get(id: string): Promise<UserRecord | null>;
  /** Creates the user on first login; an existing user keeps its roles. */
  ensure(id: string, fields: { openId?: string }, now: string): Promise<UserRecord>;
}

export interface RateLimiter {
  /** Counts one attempt; `allowed` is false once `limit` attempts fell in the current window. */
  hit(
    scope: string,
    subject: string,
    limit: number,
    windowSeconds: number,
    now: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
