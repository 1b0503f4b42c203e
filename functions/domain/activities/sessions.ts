import type { ActivityChange, ActivityRecord, Place, Session } from '../../../shared/schemas/activity';
import { dayjs } from '../../../shared/time';

/**
 * An activity's classes as the rules read them. A session's index in `sessions` is its identity (check-ins,
 * messages and PATCH …/sessions/{index} name it), so a class is never removed or reordered: 停课 marks it
 * `cancelled`, and whatever counts classes (reminders, check-in, the attendance rule) passes over it.
 */

/** How many changes an activity keeps: far more than any queued message can still be waiting for. */
export const MAX_KEPT_CHANGES = 100;

/** Its sessions; an item without any (none is written so) reads as the one class its own times make. */
export function sessionsOf(activity: Pick<ActivityRecord, 'sessions' | 'startsAt' | 'endsAt'>): Session[] {
  return activity.sessions.length > 0
    ? activity.sessions
    : [{ startsAt: activity.startsAt, endsAt: activity.endsAt }];
}

/** A class that still takes place. */
export const isHeld = (session: Session): boolean => session.cancelled !== true;

/** Where a class is held: its own place when it was moved, else the activity's. */
export function placeOf(activity: Pick<ActivityRecord, 'place'>, session?: Session): Place {
  return session?.place ?? activity.place;
}

export function samePlace(a: Place, b: Place): boolean {
  return (
    a.township === b.township &&
    (a.village ?? '') === (b.village ?? '') &&
    a.address === b.address &&
    a.latitude === b.latitude &&
    a.longitude === b.longitude
  );
}

export const startOf = (session: Session): number => dayjs(session.startsAt).valueOf();

/**
 * The activity's own times follow its classes: from the first class still held to the end of the last (a term
 * whose every class is cancelled keeps its times; the activity is cancelled instead, see reviseSession).
 */
export function spanOf(sessions: Session[]): { startsAt: string; endsAt: string } | null {
  const held = sessions.filter(isHeld);
  const first = held[0];
  const last = held[held.length - 1];
  return first && last ? { startsAt: first.startsAt, endsAt: last.endsAt } : null;
}

/** The fields that record one more change: its number, and the log with it (the oldest dropped past the limit). */
export function withChange(
  activity: Pick<ActivityRecord, 'changeSeq' | 'changes'>,
  change: Omit<ActivityChange, 'seq'>,
): Pick<ActivityRecord, 'changeSeq' | 'changes'> {
  const seq = activity.changeSeq + 1;
  return { changeSeq: seq, changes: [...activity.changes, { ...change, seq }].slice(-MAX_KEPT_CHANGES) };
}

/** The changes the worker has not told anyone of yet. */
export function unnoticedChanges(activity: ActivityRecord): ActivityChange[] {
  return activity.changes.filter((c) => c.seq > activity.noticedSeq);
}
