import { toIso } from '../../shared/time';
import { isDue, runDraw } from '../domain/lottery';
import { deliverDue, enqueueDue, type Messenger } from '../domain/notify';
import { expireOffers } from '../domain/signups';
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

const DAY = 24 * 3600_000;

/**
 * Scheduled every few minutes: draws lotteries whose time has come, passes on expired offers, queues the
 * messages people are owed and sends what is due. Each step is idempotent, so an overlapping run is harmless.
 */
export const handler = async (): Promise<Record<string, number>> => {
  await loadSecrets();
  const now = stores.clock.now();
  const all = await stores.activities.listBySchool('all');
  const live = all.filter((a) => Date.parse(a.endsAt) > now - DAY);
  let drawn = 0;
  let expired = 0;
  let queued = 0;
  const m = messenger();
  for (const activity of live) {
    if (isDue(activity, now)) {
      await runDraw(stores, activity, null);
      drawn++;
    }
    // Not only `offer` waitlists: an `auto` one offers a seat to someone holding an overlapping one.
    expired += await expireOffers(stores, activity);
    const fresh = (await stores.activities.get(activity.id)) ?? activity;
    queued += await enqueueDue(stores, m, fresh);
  }
  const delivered = await deliverDue({ ...stores, activity: (id) => stores.activities.get(id) }, m);
  const summary = { activities: live.length, drawn, expired, queued, ...delivered };
  log.info('rules worker', { at: toIso(now), ...summary });
  return summary;
};
