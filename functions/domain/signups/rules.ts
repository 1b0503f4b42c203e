import type { Promotion } from './ports';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Session } from '../../../shared/schemas/activity';
import { dayjs } from '../../../shared/time';
import type { ActivityRecord } from '../../../shared/schemas/activity';

/** Whether two activities' classes meet at the same time; a class that was cancelled (停课) meets no one. */
export function sessionsOverlap(a: Session[], b: Session[]): boolean {
  const held = (sessions: Session[]) => sessions.filter((s) => !s.cancelled);
  return held(a).some((x) =>
    held(b).some(
      (y) =>
        dayjs(x.startsAt).valueOf() < dayjs(y.endsAt).valueOf() &&
        dayjs(y.startsAt).valueOf() < dayjs(x.endsAt).valueOf(),
    ),
  );
}

/** After this instant a user cannot cancel in the app (staff still can); null when there is no deadline. */
export function cancelDeadline(activity: ActivityRecord): number | null {
  if (!activity.cancelDeadlineHours) return null;
  return dayjs(activity.startsAt).valueOf() - activity.cancelDeadlineHours * 3600_000;
}

export function newLotterySeed(): string {
  return randomBytes(32).toString('hex');
}

/** Published when the window opens; the seed it commits to is revealed only at the draw. */
export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/**
 * The draw: applicants sorted by HMAC-SHA256(key = seed, message = sign-up id), lowest first, ties by id.
 * Anyone with the revealed seed and the applicants' ids can recompute it (docs/rules.md).
 */
export function drawOrder(seed: string, applicantIds: string[]): string[] {
  return applicantIds
    .map((id) => ({ id, ticket: createHmac('sha256', seed).update(id, 'utf8').digest('hex') }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : 1))
    .map((t) => t.id);
}

/** Splits a drawn order into the seats and the waitlist, in order. */
export function allocate(order: string[], capacity: number): { confirmed: string[]; waitlisted: string[] } {
  return { confirmed: order.slice(0, capacity), waitlisted: order.slice(capacity) };
}

/** A waitlist rank that sorts drawn positions before anyone who joins later, in drawn order. */
export function drawnRank(position: number): string {
  return `!${String(position).padStart(6, '0')}`;
}

/** The start of the first class still to begin after `now` (停课 ones aside), or null when every one has begun. */
export function nextSessionStart(activity: ActivityRecord, now: number): number | null {
  const starts = activity.sessions
    .filter((s) => !s.cancelled)
    .map((s) => dayjs(s.startsAt).valueOf())
    .filter((t) => t > now);
  return starts.length ? Math.min(...starts) : null;
}

/** How long a freed seat is held for the person it is offered to, unless the school says otherwise. */
export const DEFAULT_OFFER_HOURS = 24;

/** The hours an offer is held on an `offer` waitlist; null where seats move up at once (`auto`). */
export function offerHoursOf(activity: {
  waitlist?: ActivityRecord['waitlist'];
  offerHours?: number | null;
}): number | null {
  return activity.waitlist === 'offer' ? (activity.offerHours ?? DEFAULT_OFFER_HOURS) : null;
}

/**
 * When an offered seat stops being held: after the activity's `offerHours`, and never after the next session
 * begins. A seat held through a session is a seat nobody sits in, and the next person in line never hears of
 * it; after an expiry the offer passes on, to join from the following session.
 */
export function offerExpiry(activity: ActivityRecord, now: number): number {
  const held = now + (offerHoursOf(activity) ?? DEFAULT_OFFER_HOURS) * 3600_000;
  const next = nextSessionStart(activity, now);
  return next === null ? held : Math.min(held, next);
}

/** What a promotion writes on the promoted sign-up: when it moved up (told once), and an offer's deadline. */
export function promotionFields(
  promotion: Pick<Promotion, 'as' | 'offerExpiresAt'>,
  now: string,
): { promotedAt: string; offerExpiresAt?: string } {
  return promotion.as === 'offered'
    ? { offerExpiresAt: promotion.offerExpiresAt, promotedAt: now }
    : { promotedAt: now };
}
