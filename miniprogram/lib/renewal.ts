import type { SignupWithActivity } from '@shared/schemas/signup';

type Mine = Pick<SignupWithActivity, 'activityId' | 'status' | 'attendee' | 'nextActivityId'>;

/**
 * Whether 我的报名 offers 续报 on a sign-up: its activity has a next term open for sign-up (`nextActivityId`)
 * and the same person is not already on that term's list (a cancelled or lapsed sign-up there does not count).
 */
export function renewable(s: Mine, all: readonly Mine[]): boolean {
  const next = s.nextActivityId;
  if (!next) return false;
  return !all.some(
    (o) =>
      o.activityId === next &&
      o.status !== 'cancelled' &&
      o.status !== 'expired' &&
      o.attendee.name === s.attendee.name &&
      o.attendee.phone === s.attendee.phone,
  );
}
