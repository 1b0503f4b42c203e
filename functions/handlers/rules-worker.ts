import { toIso } from '../../shared/time';
import { nextWakeUp } from '../domain/activities/agenda';
import { isDue, runDraw } from '../domain/signups/lottery';
import { deliverDue, enqueueSwept, type Messenger } from '../domain/messaging/notify';
import { expireOffers } from '../domain/signups/signups';
import { env } from '../lib/env';
import { log } from '../lib/log';
import { sendSubscribeMessage } from '../lib/wechat';
import { loadSecrets } from '../lib/secrets';
import { stores } from '../store';

function messenger(): Messenger {
  const config = env();
  return {
    templates: config.wechat.templates,
    send: (message) =>
      sendSubscribeMessage(config.wechat, {
        ...message,
        miniprogram_state: config.wechat.miniprogramState,
        lang: 'zh_CN',
      }),
    // Locally there is no WeChat login: the fake WeChat server sees the user id instead of an openid.
    recipient: (user) =>
      user.openId ?? (config.stage === 'local' || config.stage === 'test' ? `local:${user.id}` : null),
  };
}

/**
 * Scheduled every few minutes: works through its agenda (domain/activities/agenda.ts) — draws lotteries whose time has
 * come, queues the reminders of a window that opened and the notices of a cancelled activity, passes on offers
 * that ran out — then sends what the outbox holds. It reads only the activities and offers whose time has come,
 * never the history. Each step is idempotent, so an overlapping run is harmless.
 */
export const handler = async (): Promise<Record<string, number>> => {
  await loadSecrets();
  const now = stores.clock.now();
  let drawn = 0;
  let expired = 0;
  let queued = 0;
  let errors = 0;
  const due = await stores.activities.due(toIso(now));
  for (const activity of due) {
    try {
      if (isDue(activity, now)) {
        await runDraw(stores, activity, null);
        drawn++;
      }
      const fresh = (await stores.activities.get(activity.id)) ?? activity;
      queued += await enqueueSwept(stores, fresh);
      const next = nextWakeUp(fresh, now);
      // A revision or cancellation since the read set its own wakeAt, which then stands.
      await stores.activities.reschedule(
        activity.id,
        activity.wakeAt ?? '',
        next === null ? null : toIso(next),
      );
    } catch (err) {
      // It stays on the agenda: the next run tries again, and one activity does not hold up the others.
      errors++;
      log.error('rules worker: activity failed', { activityId: activity.id, error: String(err) });
    }
  }
  // Not only `offer` waitlists: an `auto` one offers a seat to someone holding an overlapping one.
  const lapsed = await stores.signups.expiredOffers(toIso(now));
  for (const activityId of new Set(lapsed.map((s) => s.activityId))) {
    const activity = await stores.activities.get(activityId);
    if (activity) expired += await expireOffers(stores, activity);
  }
  const delivered = await deliverDue({ ...stores, activity: (id) => stores.activities.get(id) }, messenger());
  const summary = { activities: due.length, drawn, expired, queued, errors, ...delivered };
  log.info('rules worker', { at: toIso(now), ...summary });
  return summary;
};
