import { createHash } from 'node:crypto';
import type { SignupBatchResult } from '../../../shared/api';
import { AttendeeSchema } from '../../../shared/schemas/signup';
import { validate } from '../../../shared/validate';
import type { Caller } from '../access';
import { DomainError } from '../errors';
import { createSignup, type SignupDeps } from './signups';

/** Each attendee of a replayed batch keeps its own key, so a retried list creates nobody twice. */
function attendeeIdempotencyKey(batchKey: string, index: number): string {
  return `b-${createHash('sha256').update(`${batchKey}:${index}`).digest('hex').slice(0, 40)}`;
}

/**
 * A village cadre's or teacher's list, up to 50 people, in the order given: each person is signed up on their
 * own (eligibility is per attendee), and one refusal never costs the others their seats.
 */
export async function createBatch(
  deps: SignupDeps,
  caller: Caller,
  activityId: string,
  attendees: unknown[],
  batchKey?: string,
): Promise<{ results: SignupBatchResult[] }> {
  if (!(await deps.activities.get(activityId))) throw new DomainError('ACTIVITY_NOT_FOUND');
  const results: SignupBatchResult[] = [];
  for (const [index, raw] of attendees.entries()) {
    const parsed = validate(AttendeeSchema, raw);
    if (!parsed.ok) {
      results.push({
        attendee: raw,
        error: {
          code: 'VALIDATION_FAILED',
          message: parsed.issues[0]?.message ?? '参加人信息有误',
          fields: parsed.issues.map((i) => ({ ...i, field: `attendee.${i.field}` })),
        },
      });
      continue;
    }
    try {
      const { signup } = await createSignup(
        deps,
        caller,
        { activityId, attendee: parsed.value },
        batchKey ? attendeeIdempotencyKey(batchKey, index) : undefined,
      );
      results.push({
        attendee: parsed.value,
        status: signup.status as 'confirmed' | 'waitlisted' | 'applied',
        signupId: signup.id,
        ...(signup.waitlistPosition ? { waitlistPosition: signup.waitlistPosition } : {}),
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      results.push({
        attendee: parsed.value,
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
          ...(typeof err.details?.rule === 'string' ? { rule: err.details.rule } : {}),
        },
      });
    }
  }
  return { results };
}
