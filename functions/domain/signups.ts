import type { Signup, SignupCreateInput, SignupWithActivity } from '../../shared/schemas/signup';
import { toIso } from '../../shared/time';
import { canManageSchool, canReadSignup, type Caller } from './access';
import { isSignupWindowOpen } from './activity';
import { DomainError, validationFailed } from './errors';
import type { ActivityStore, Clock, SignupRecord, SignupStore } from './ports';
import {
  MAX_SEAT_ATTEMPTS,
  attendeeKey,
  missingAttendeeFields,
  newSignupId,
  requestHash,
  toSignupView,
} from './signup';

export interface SignupDeps {
  activities: ActivityStore;
  signups: SignupStore;
  clock: Clock;
}

export interface CreatedSignup {
  signup: Signup;
  /** True when an Idempotency-Key replay returned the sign-up made the first time. */
  replayed: boolean;
}

async function replayOf(deps: SignupDeps, caller: Caller, signupId: string, hash: string, expected: string) {
  if (hash !== expected) throw new DomainError('IDEMPOTENCY_CONFLICT');
  const existing = await deps.signups.get(signupId);
  if (!existing || existing.userId !== caller.userId) throw new DomainError('IDEMPOTENCY_CONFLICT');
  return { signup: await withPosition(deps, existing), replayed: true };
}

async function withPosition(deps: SignupDeps, record: SignupRecord): Promise<Signup> {
  const position = record.status === 'waitlisted' ? await deps.signups.waitlistPosition(record) : undefined;
  return toSignupView(record, position);
}

/**
 * Takes a seat if one is free, else a waitlist place. The store checks each choice atomically against
 * the activity's counters, so a seat is never promised twice; a lost race switches the choice and retries.
 */
export async function createSignup(
  deps: SignupDeps,
  caller: Caller,
  input: SignupCreateInput,
  idempotencyKey?: string,
): Promise<CreatedSignup> {
  const hash = requestHash(input);
  if (idempotencyKey) {
    const previous = await deps.signups.findReplay(caller.userId, idempotencyKey);
    if (previous) return replayOf(deps, caller, previous.signupId, previous.requestHash, hash);
  }

  const activity = await deps.activities.get(input.activityId);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  const missing = missingAttendeeFields(activity.kind, input.attendee);
  if (missing.length > 0) throw validationFailed(missing);
  if (activity.cancelled) throw new DomainError('ACTIVITY_CANCELLED');
  const now = deps.clock.now();
  if (!isSignupWindowOpen(activity, now)) throw new DomainError('SIGNUP_CLOSED');

  const key = attendeeKey(input.attendee);
  const id = newSignupId(now);
  let mode: 'confirm' | 'waitlist' = activity.confirmedCount < activity.capacity ? 'confirm' : 'waitlist';
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    const at = toIso(deps.clock.now());
    const record: SignupRecord = {
      id,
      activityId: activity.id,
      userId: caller.userId,
      status: mode === 'confirm' ? 'confirmed' : 'waitlisted',
      attendee: input.attendee,
      createdAt: at,
      updatedAt: at,
    };
    const outcome = await deps.signups.insert(
      {
        record,
        attendeeKey: key,
        idempotency: idempotencyKey ? { key: idempotencyKey, requestHash: hash } : undefined,
      },
      mode,
      at,
    );
    switch (outcome.kind) {
      case 'inserted':
        return { signup: await withPosition(deps, record), replayed: false };
      case 'full':
        mode = 'waitlist';
        break;
      case 'seat-available':
        mode = 'confirm';
        break;
      case 'duplicate':
        throw new DomainError('DUPLICATE_SIGNUP');
      case 'replay':
        return replayOf(deps, caller, outcome.signupId, outcome.requestHash, hash);
      case 'closed': {
        const fresh = await deps.activities.get(activity.id);
        throw new DomainError(fresh?.cancelled ? 'ACTIVITY_CANCELLED' : 'SIGNUP_CLOSED');
      }
    }
  }
  throw new DomainError('BUSY_RETRY');
}

/** The owner or the organising school's staff see a sign-up; for anyone else it does not exist. */
export async function getSignup(deps: SignupDeps, caller: Caller, id: string): Promise<Signup> {
  const record = await deps.signups.get(id);
  if (!record) throw new DomainError('SIGNUP_NOT_FOUND');
  const activity = record.userId === caller.userId ? null : await deps.activities.get(record.activityId);
  if (!canReadSignup(caller, record, activity)) throw new DomainError('SIGNUP_NOT_FOUND');
  return withPosition(deps, record);
}

/**
 * Cancels the caller's own sign-up. A freed seat goes to the first waitlisted person in the same
 * transaction; cancelling twice answers with the cancelled sign-up again, so a retried tap is harmless.
 */
export async function cancelSignup(deps: SignupDeps, caller: Caller, id: string): Promise<Signup> {
  let record = await deps.signups.get(id);
  if (!record) throw new DomainError('SIGNUP_NOT_FOUND');
  if (record.userId !== caller.userId) {
    const activity = await deps.activities.get(record.activityId);
    if (activity && canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
    throw new DomainError('SIGNUP_NOT_FOUND');
  }
  const key = attendeeKey(record.attendee);
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    if (record.status === 'cancelled') return toSignupView(record);
    const promote =
      record.status === 'confirmed' ? await deps.signups.firstWaitlisted(record.activityId) : null;
    const at = toIso(deps.clock.now());
    const outcome = await deps.signups.cancel(record, key, promote, at);
    if (outcome.kind === 'cancelled') {
      return toSignupView({ ...record, status: 'cancelled', cancelledAt: at, updatedAt: at });
    }
    const fresh = await deps.signups.get(id);
    if (!fresh) throw new DomainError('SIGNUP_NOT_FOUND');
    record = fresh;
  }
  throw new DomainError('BUSY_RETRY');
}

export async function listMySignups(
  deps: SignupDeps,
  caller: Caller,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: SignupWithActivity[]; nextCursor: string | null }> {
  const page = await deps.signups.listMine(caller.userId, cursor, limit);
  const ids = [...new Set(page.items.map((s) => s.activityId))];
  const activities = new Map(
    (await Promise.all(ids.map((aid) => deps.activities.get(aid)))).flatMap((a) => (a ? [[a.id, a]] : [])),
  );
  const items = await Promise.all(
    page.items.map(async (record) => {
      const view = await withPosition(deps, record);
      const activity = activities.get(record.activityId);
      return {
        ...view,
        activity: activity
          ? {
              title: activity.title,
              kind: activity.kind,
              startsAt: activity.startsAt,
              endsAt: activity.endsAt,
              place: activity.place,
              status: activity.cancelled ? 'cancelled' : 'scheduled',
              cancelReason: activity.cancelReason,
            }
          : {
              title: '（活动已删除）',
              kind: 'community' as const,
              startsAt: record.createdAt,
              endsAt: record.createdAt,
              place: { township: '', address: '' },
              status: 'deleted',
              cancelReason: null,
            },
      } satisfies SignupWithActivity;
    }),
  );
  return { items, nextCursor: page.nextCursor };
}
