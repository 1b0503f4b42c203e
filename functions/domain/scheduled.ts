import { toIso } from '../../shared/time';
import { nextWakeUp } from './activities/agenda';
import { deliverDue, enqueueSwept, type Messenger, type NotifyDeps } from './messaging/notify';
import { isDue, runDraw, type LotteryDeps } from './signups/lottery';
import { expireOffers, type SignupDeps } from './signups/signups';

export type ScheduledDeps = NotifyDeps & LotteryDeps & SignupDeps;

/**
 * One run of the scheduled work (handlers/rules-worker.ts, every few minutes): the activities on the agenda
 * (draw a lottery whose time has come, queue what time and staff's changes have made due, move `wakeAt` on), the offers that ran
 * out, then delivery of what the outbox holds. It reads only what is due, never the history, and each step
 * is idempotent, so an overlapping run is harmless.
 */
export async function runScheduledWork(
  deps: ScheduledDeps,
  messenger: Messenger,
  onActivityError: (activityId: string, error: unknown) => void,
): Promise<Record<string, number>> {
  const now = deps.clock.now();
  let drawn = 0;
  let expired = 0;
  let queued = 0;
  let errors = 0;
  const due = await deps.activities.due(toIso(now));
  for (const activity of due) {
    try {
      if (isDue(activity, now)) {
        await runDraw(deps, activity, null);
        drawn++;
      }
      const fresh = (await deps.activities.get(activity.id)) ?? activity;
      queued += await enqueueSwept(deps, fresh);
      const next = nextWakeUp(fresh, now);
      // A revision or cancellation since the read set its own wakeAt, which then stands; the changes of
      // classes swept above are recorded as told, unless another came since (then it stays due).
      await deps.activities.reschedule(
        activity.id,
        activity.wakeAt ?? '',
        next === null ? null : toIso(next),
        fresh.changeSeq > fresh.noticedSeq ? fresh.changeSeq : undefined,
      );
    } catch (err) {
      // It stays on the agenda: the next run tries again, and one activity does not hold up the others.
      errors++;
      onActivityError(activity.id, err);
    }
  }
  // Not only `offer` waitlists: an `auto` one offers a seat to someone holding an overlapping one.
  const lapsed = await deps.signups.expiredOffers(toIso(now));
  for (const activityId of new Set(lapsed.map((s) => s.activityId))) {
    const activity = await deps.activities.get(activityId);
    if (activity) expired += await expireOffers(deps, activity);
  }
  const delivered = await deliverDue({ ...deps, activity: (id) => deps.activities.get(id) }, messenger);
  return { activities: due.length, drawn, expired, queued, errors, ...delivered };
}
