import { toIso } from '../../shared/time';
import type { Messenger } from '../domain/messaging/notify';
import { runScheduledWork } from '../domain/scheduled';
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

/** Scheduled every few minutes: the work is domain/scheduled.ts's; this adds WeChat, secrets and the log. */
export const handler = async (): Promise<Record<string, number>> => {
  await loadSecrets();
  const summary = await runScheduledWork(stores, messenger(), (activityId, error) =>
    log.error('rules worker: activity failed', { activityId, error: String(error) }),
  );
  log.info('rules worker', { at: toIso(stores.clock.now()), ...summary });
  return summary;
};
