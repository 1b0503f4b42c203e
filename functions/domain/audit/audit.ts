import { randomBytes } from 'node:crypto';
import { toIso } from '../../../shared/time';
import type { Caller } from '../access';
import type { AuditEntry } from '../../../shared/api';

export function auditEntry(
  caller: Caller,
  action: string,
  target: string,
  before: unknown,
  after: unknown,
  now: number,
): AuditEntry {
  return {
    id: randomBytes(6).toString('hex'),
    at: toIso(now),
    actor: caller.userId,
    action,
    target,
    before,
    after,
  };
}

/** The fields a change touches, as they were: so the log shows before and after side by side. */
export function pick<T extends object>(record: T, keys: string[]): Partial<T> {
  return Object.fromEntries(
    keys.filter((k) => k in record).map((k) => [k, (record as Record<string, unknown>)[k]]),
  ) as Partial<T>;
}
