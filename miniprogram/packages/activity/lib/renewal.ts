import type { Activity } from '@shared/schemas/activity';
import type { Attendee, SignupWithActivity } from '@shared/schemas/signup';
import type { ActivitySnapshot, OutboxEntry } from '@/services/outbox';

/** The POST /signups body of 续报: the next term, and exactly the person signed up this term. */
export function renewalOf(s: Pick<SignupWithActivity, 'attendee'> & { nextActivityId: string }): {
  activityId: string;
  attendee: Attendee;
} {
  return { activityId: s.nextActivityId, attendee: { ...s.attendee } };
}

/**
 * A 续报 already on the phone for this person and term (waiting to be sent, or sent): opening the page again
 * shows that one instead of signing up twice. A refused one is not reused: the user may try again.
 */
export function findRenewal(
  entries: readonly OutboxEntry[],
  body: { activityId: string; attendee: Attendee },
): OutboxEntry | undefined {
  return entries.find(
    (e) =>
      e.activityId === body.activityId &&
      e.state !== 'failed' &&
      e.attendee.name === body.attendee.name &&
      e.attendee.phone === body.attendee.phone,
  );
}

/** What the result page and 我的 show of the activity while the sign-up waits or after it went out. */
export const snapshotOf = (a: Activity): ActivitySnapshot => ({
  title: a.title,
  kind: a.kind,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  place: a.place,
});
