import Taro from '@tarojs/taro';
import { api } from './api';
import { createCache } from './cache';
import { taroKv } from './kv';
import { createOutbox } from './outbox';

export { api } from './api';
export { auth } from './auth';
export * from './errors';

/** The app's one cache and one outbox, on the phone's storage. */
export const cache = createCache(taroKv);

export const outbox = createOutbox({
  kv: taroKv,
  send: ({ activityId, attendee, idempotencyKey }) => api.createSignup(activityId, attendee, idempotencyKey),
});

let started = false;

/**
 * Sends queued sign-ups at launch, whenever the connection comes back (WeChat's network event; on H5 also
 * the browser's `online` event) and every 30 s while something is waiting (a server hiccup).
 */
export function startOutboxSync(): void {
  if (started) return;
  started = true;
  const flush = () => void outbox.flush().catch(() => undefined);
  flush();
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) flush();
  });
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', flush);
  }
  setInterval(() => {
    if (outbox.pending().length > 0) flush();
  }, 30_000);
}
