import type { Signup, SignupCreateInput, SignupWithActivity } from '../../../shared/schemas/signup';
import { dayjs, toIso } from '../../../shared/time';
import { canManageSchool, canReadSignup, type Caller } from '../access';
import { isSignupWindowOpen } from '../activities/activity';
import { DomainError, validationFailed } from '../errors';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { ActivityStore } from '../activities/ports';
import type { Clock } from '../clock';
import type { Promotion, SignupStore } from './ports';
import type { SignupRecord } from '../../../shared/schemas/signup';
import { checkEligibility } from '../../../shared/eligibility';
import { promotionMessages, seatMessages } from '../messaging/notify';
import { cancelDeadline, offerExpiry, sessionsOverlap } from './rules';
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

const HOLDS_SEAT = new Set(['confirmed', 'offered']);

async function replayOf(deps: SignupDeps, caller: Caller, signupId: string, hash: string, expected: string) {
  if (hash !== expected) throw new DomainError('IDEMPOTENCY_CONFLICT');
  const existing = await deps.signups.get(signupId);
  if (!existing || existing.userId !== caller.userId) throw new DomainError('IDEMPOTENCY_CONFLICT');
  return { signup: await withPosition(deps, existing), replayed: true };
}

export async function withPosition(
  deps: Pick<SignupDeps, 'signups'>,
  record: SignupRecord,
  estimate?: number,
): Promise<Signup> {
  const position =
    record.status === 'waitlisted' ? await deps.signups.waitlistPosition(record, estimate) : undefined;
  return toSignupView(record, position);
}

function termKey(activity: ActivityRecord): string | undefined {
  return activity.term && activity.termLimit ? `${activity.kind}#${activity.term}` : undefined;
}

/** The refusal when the attendee's term is full, naming the term and its limit. */
const termLimitReached = (activity: ActivityRecord) =>
  new DomainError('TERM_LIMIT_REACHED', {
    message: `参加人本学期（${activity.term}）已报满 ${activity.termLimit} 门课程，请先取消其他课程再报名`,
  });

/** Another activity on which the attendee holds a seat at an overlapping time, if any. */
async function overlappingSeat(
  deps: SignupDeps,
  activity: ActivityRecord,
  key: string,
): Promise<ActivityRecord | null> {
  const held = (await deps.signups.attendeeSignups(key)).filter((h) => h.activityId !== activity.id);
  for (const { activityId, signupId } of held) {
    const [other, signup] = await Promise.all([deps.activities.get(activityId), deps.signups.get(signupId)]);
    if (!other || other.cancelled || !signup || !HOLDS_SEAT.has(signup.status)) continue;
    if (sessionsOverlap(activity.sessions, other.sessions)) return other;
  }
  return null;
}

/** One attendee cannot hold two seats whose sessions overlap; the refusal names the other activity. */
async function refuseTimeConflict(deps: SignupDeps, activity: ActivityRecord, key: string): Promise<void> {
  const other = await overlappingSeat(deps, activity, key);
  if (other) {
    throw new DomainError('TIME_CONFLICT', {
      message: `参加人已报名的“${other.title}”与这个活动时间冲突，请先取消那个报名或选择其他时间`,
      details: { conflictingActivity: { id: other.id, title: other.title } },
    });
  }
}

/**
 * The checks every attendee passes before any write: required fields, window, eligibility, time conflicts. A
 * walk-in comes on the day, after the sign-up window: its own window is the check-in's, checked by its caller.
 */
async function admit(
  deps: SignupDeps,
  activity: ActivityRecord,
  input: Pick<SignupCreateInput, 'attendee'>,
  key: string,
  window: 'sign-up' | 'walk-in' = 'sign-up',
): Promise<void> {
  const missing = missingAttendeeFields(activity.kind, input.attendee);
  if (missing.length > 0) throw validationFailed(missing);
  if (activity.cancelled) throw new DomainError('ACTIVITY_CANCELLED');
  if (window === 'sign-up' && !isSignupWindowOpen(activity, deps.clock.now()))
    throw new DomainError('SIGNUP_CLOSED');
  const ineligible = checkEligibility(activity, input.attendee);
  if (ineligible) {
    throw new DomainError('NOT_ELIGIBLE', {
      message: ineligible.message,
      fields: [{ field: ineligible.field, message: ineligible.message }],
      details: { rule: ineligible.rule },
    });
  }
  await refuseTimeConflict(deps, activity, key);
}

/**
 * Takes a seat if one is free, else a waitlist place; for a lottery before its draw, files an application.
 * The store checks each choice atomically against the activity's counters, so a seat is never promised twice;
 * a lost race switches the choice and tries again.
 */
export async function createSignup(
  deps: SignupDeps,
  caller: Caller,
  input: SignupCreateInput,
  idempotencyKey?: string,
  known?: ActivityRecord,
): Promise<CreatedSignup> {
  const hash = requestHash(input);
  if (idempotencyKey) {
    const previous = await deps.signups.findReplay(caller.userId, idempotencyKey);
    if (previous) return replayOf(deps, caller, previous.signupId, previous.requestHash, hash);
  }

  const activity = known ?? (await deps.activities.get(input.activityId));
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  const key = attendeeKey(input.attendee);
  await admit(deps, activity, input, key);

  const now = deps.clock.now();
  const id = newSignupId(now);
  const lottery = activity.enrolment === 'lottery' && !activity.drawnAt;
  let mode: 'confirm' | 'waitlist' | 'apply' = lottery
    ? 'apply'
    : activity.confirmedCount < activity.capacity
      ? 'confirm'
      : 'waitlist';
  const term = termKey(activity);
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    const at = toIso(deps.clock.now());
    const status = mode === 'confirm' ? 'confirmed' : mode === 'waitlist' ? 'waitlisted' : 'applied';
    const record: SignupRecord = {
      id,
      activityId: activity.id,
      userId: caller.userId,
      status,
      attendee: input.attendee,
      createdAt: at,
      updatedAt: at,
    };
    const outcome = await deps.signups.insert(
      {
        record,
        attendeeKey: key,
        idempotency: idempotencyKey ? { key: idempotencyKey, requestHash: hash } : undefined,
        termLimit: term && activity.termLimit ? { key: term, limit: activity.termLimit } : undefined,
        messages: mode === 'confirm' ? seatMessages(activity, record, deps.clock.now()) : undefined,
      },
      mode,
      at,
    );
    switch (outcome.kind) {
      case 'inserted':
        // A fresh read of the activity (not a batch's shared one) estimates a place far back in the queue.
        return {
          signup: await withPosition(deps, record, known ? undefined : activity.waitlistCount + 1),
          replayed: false,
        };
      case 'full':
        mode = 'waitlist';
        break;
      case 'seat-available':
        mode = 'confirm';
        break;
      case 'duplicate':
        throw new DomainError('DUPLICATE_SIGNUP');
      case 'term-limit':
        throw termLimitReached(activity);
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

/** Who owns a walk-in's sign-up: the school that recorded it (its staff read it; nobody's 我的报名 lists it). */
export const walkInOwner = (schoolId: string) => `walk-in:${schoolId}`;

/**
 * 现场报名: someone who turns up is given a free seat at once, under the same rules as any sign-up (eligibility,
 * one seat per person, the term's limit, no overlapping seat), but never a waitlist place: no seat is 409
 * ACTIVITY_FULL. The caller has checked the staff member's school and the check-in window.
 */
export async function insertWalkIn(
  deps: SignupDeps,
  activity: ActivityRecord,
  attendee: SignupCreateInput['attendee'],
): Promise<SignupRecord> {
  const key = attendeeKey(attendee);
  await admit(deps, activity, { attendee }, key, 'walk-in');
  const now = toIso(deps.clock.now());
  const record: SignupRecord = {
    id: newSignupId(deps.clock.now()),
    activityId: activity.id,
    userId: walkInOwner(activity.schoolId),
    status: 'confirmed',
    attendee,
    walkIn: true,
    createdAt: now,
    updatedAt: now,
  };
  const term = termKey(activity);
  const outcome = await deps.signups.insert(
    {
      record,
      attendeeKey: key,
      termLimit: term && activity.termLimit ? { key: term, limit: activity.termLimit } : undefined,
    },
    'confirm',
    now,
  );
  switch (outcome.kind) {
    case 'inserted':
      return record;
    case 'full':
      throw new DomainError('ACTIVITY_FULL');
    case 'duplicate':
      throw new DomainError('DUPLICATE_SIGNUP', {
        message: '这位参加人已经报过名了，请在名单里找到他（她）点“签到”',
      });
    case 'term-limit':
      throw termLimitReached(activity);
    case 'closed':
      throw new DomainError('ACTIVITY_CANCELLED');
    default:
      throw new DomainError('BUSY_RETRY');
  }
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
 * Who gets a seat that frees: the first waitlisted, confirmed at once or offered for a time. Someone who took
 * an overlapping seat elsewhere while waiting is offered it instead, even on an `auto` waitlist: confirming
 * would give them two seats at once, and skipping them would cost them their place without asking.
 */
export async function nextPromotion(deps: SignupDeps, activity: ActivityRecord): Promise<Promotion | null> {
  const next = await deps.signups.firstWaitlisted(activity.id);
  if (!next) return null;
  const now = deps.clock.now();
  const offer: Promotion = {
    record: next,
    as: 'offered',
    offerExpiresAt: toIso(offerExpiry(activity, now)),
    messages: promotionMessages(activity, next, 'offered', now),
  };
  if (activity.waitlist === 'offer') return offer;
  if (await overlappingSeat(deps, activity, attendeeKey(next.attendee))) return offer;
  return { record: next, as: 'confirmed', messages: promotionMessages(activity, next, 'confirmed', now) };
}

/** Gives up a sign-up (its seat passes to the first waitlisted person), with no deadline: staff, and 注销. */
export async function cancelRecord(
  deps: SignupDeps,
  record: SignupRecord,
  activity: ActivityRecord,
): Promise<Signup> {
  const key = attendeeKey(record.attendee);
  let current = record;
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    if (current.status === 'cancelled' || current.status === 'expired') return toSignupView(current);
    const promote = HOLDS_SEAT.has(current.status) ? await nextPromotion(deps, activity) : null;
    const at = toIso(deps.clock.now());
    const outcome = await deps.signups.cancel(current, key, promote, at, termKey(activity));
    if (outcome.kind === 'cancelled') {
      return toSignupView({ ...current, status: 'cancelled', cancelledAt: at, updatedAt: at });
    }
    const fresh = await deps.signups.get(record.id);
    if (!fresh) throw new DomainError('SIGNUP_NOT_FOUND');
    current = fresh;
  }
  throw new DomainError('BUSY_RETRY');
}

/**
 * Cancels the caller's own sign-up. A freed seat goes to the first waitlisted person in the same
 * transaction; cancelling twice answers with the cancelled sign-up again, so a retried tap is harmless.
 * After the activity's cancellation deadline a held seat can be given up only through the school.
 */
export async function cancelSignup(deps: SignupDeps, caller: Caller, id: string): Promise<Signup> {
  const record = await deps.signups.get(id);
  if (!record) throw new DomainError('SIGNUP_NOT_FOUND');
  const activity = await deps.activities.get(record.activityId);
  if (!activity) throw new DomainError('SIGNUP_NOT_FOUND');
  if (record.userId !== caller.userId) {
    if (canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
    throw new DomainError('SIGNUP_NOT_FOUND');
  }
  const deadline = cancelDeadline(activity);
  if (HOLDS_SEAT.has(record.status) && deadline !== null && deps.clock.now() > deadline) {
    throw new DomainError('CANCEL_DEADLINE_PASSED', {
      message: `开始前 ${activity.cancelDeadlineHours} 小时内不能在小程序里取消，请联系主办学校`,
    });
  }
  return cancelRecord(deps, record, activity);
}

/** Staff of the organising school may cancel any sign-up of it, deadline or not. */
export async function staffCancelSignup(deps: SignupDeps, caller: Caller, id: string): Promise<Signup> {
  const record = await deps.signups.get(id);
  if (!record) throw new DomainError('SIGNUP_NOT_FOUND');
  const activity = await deps.activities.get(record.activityId);
  if (!activity || !canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
  return cancelRecord(deps, record, activity);
}

/** 确认参加: the waitlisted person takes the seat offered to them, before the offer runs out. */
export async function acceptOffer(deps: SignupDeps, caller: Caller, id: string): Promise<Signup> {
  const record = await deps.signups.get(id);
  if (!record || record.userId !== caller.userId) throw new DomainError('SIGNUP_NOT_FOUND');
  if (record.status === 'confirmed') return toSignupView(record);
  if (record.status !== 'offered') throw new DomainError('NOT_OFFERED');
  const now = deps.clock.now();
  if (!record.offerExpiresAt || Date.parse(record.offerExpiresAt) <= now) {
    const activity = await deps.activities.get(record.activityId);
    if (activity) await expireOffers(deps, activity);
    throw new DomainError('OFFER_EXPIRED');
  }
  const activity = await deps.activities.get(record.activityId);
  if (!activity) throw new DomainError('SIGNUP_NOT_FOUND');
  // Taking the offered seat must not give the attendee two seats at once.
  await refuseTimeConflict(deps, activity, attendeeKey(record.attendee));
  const outcome = await deps.signups.acceptOffer(
    record,
    toIso(now),
    promotionMessages(activity, record, 'confirmed', now),
  );
  if (outcome === 'conflict') throw new DomainError('OFFER_EXPIRED');
  return toSignupView({ ...record, status: 'confirmed', updatedAt: toIso(now) });
}

/** Offers that ran out pass on to the next waitlisted person, or free the seat. Returns how many ended. */
export async function expireOffers(deps: SignupDeps, activity: ActivityRecord): Promise<number> {
  const now = deps.clock.now();
  const offered = (await deps.signups.listForActivity(activity.id)).filter(
    (s) => s.status === 'offered' && s.offerExpiresAt && Date.parse(s.offerExpiresAt) <= now,
  );
  let expired = 0;
  for (const signup of offered) {
    for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
      const current = await deps.signups.get(signup.id);
      if (!current || current.status !== 'offered') break;
      const next = await nextPromotion(deps, activity);
      if (
        (await deps.signups.expireOffer(
          current,
          attendeeKey(current.attendee),
          next,
          toIso(deps.clock.now()),
          termKey(activity),
        )) === 'expired'
      ) {
        expired++;
        break;
      }
    }
  }
  return expired;
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
    (await Promise.all(ids.map((aid) => deps.activities.get(aid)))).flatMap((a) =>
      a ? [[a.id, a] as const] : [],
    ),
  );
  // 续报: a next term whose sign-up has not closed is offered on every sign-up of the term before it.
  const now = deps.clock.now();
  const nextIds = [...new Set([...activities.values()].flatMap((a) => a.nextActivityId ?? []))];
  const openNext = new Set(
    (await Promise.all(nextIds.map((nid) => deps.activities.get(nid)))).flatMap((n) =>
      n && !n.cancelled && dayjs(n.signupClosesAt).valueOf() > now ? [n.id] : [],
    ),
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
        // 续报 is for those who took part: not for a place given up or never taken.
        ...(activity?.nextActivityId &&
        openNext.has(activity.nextActivityId) &&
        record.status !== 'cancelled' &&
        record.status !== 'expired'
          ? { nextActivityId: activity.nextActivityId }
          : {}),
      } satisfies SignupWithActivity;
    }),
  );
  return { items, nextCursor: page.nextCursor };
}
