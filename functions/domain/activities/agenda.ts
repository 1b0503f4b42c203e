import { dayjs } from '../../../shared/time';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import { REMINDER_WINDOWS, reminderWindow } from '../messaging/reminders';

/**
 * The scheduled worker's agenda: an activity is on it (with `wakeAt`) only while the worker still has something
 * to do for it at a known instant — its draw, the opening of a reminder window, the notice of its cancellation.
 * Each run reads the activities whose `wakeAt` has passed and nothing else, so finished activities cost nothing.
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
  for (const kind of Object.keys(REMINDER_WINDOWS) as Array<keyof typeof REMINDER_WINDOWS>) {
    const opens = reminderWindow(activity, kind).from;
    if (opens > after) times.push(opens);
  }
  return times.length ? Math.min(...times) : null;
}
