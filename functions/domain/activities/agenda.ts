import { dayjs } from '../../../shared/time';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import { reminderSlots } from '../messaging/reminders';

/**
 * The scheduled worker's agenda: an activity is on it (with `wakeAt`) only while the worker still has something
 * to do for it at a known instant — its draw, the opening of a reminder window of one of its classes, the notice
 * of its cancellation or of a class moved or cancelled (those set `wakeAt` to the moment they are made).
 * Each run reads the activities whose `wakeAt` has passed and nothing else, so finished activities cost nothing,
 * and a weekly term is read once per reminder window of each class, not at every run.
 * Offers that run out are on the agenda as sign-ups (SignupStore.expiredOffers), not here.
 */

/**
 * When the worker should next look at an activity, having looked at it at `after`; null once nothing is left.
 * A draw that is due but not done stays due, so a draw that failed is tried again by the next run.
 */
export function nextWakeUp(activity: ActivityRecord, after: number): number | null {
  if (activity.cancelled) return null;
  const times: number[] = [];
  if (activity.enrolment === 'lottery' && !activity.drawnAt && activity.drawAt) {
    times.push(Math.max(dayjs(activity.drawAt).valueOf(), after));
  }
  for (const slot of reminderSlots(activity)) {
    if (slot.from > after) times.push(slot.from);
  }
  return times.length ? Math.min(...times) : null;
}
