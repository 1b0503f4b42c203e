import Taro from '@tarojs/taro';
import { api } from '@/services';
import { taroKv } from '@/services/kv';
import { createCheckInQueue } from './checkin-queue';

/** The staff phone's one check-in queue, on its storage; sent again when the connection returns. */
export const checkInQueue = createCheckInQueue({
  kv: taroKv,
  send: (code, scannedAt) => api.checkIn(code, scannedAt),
});

let started = false;
export function startCheckInSync(onFlushed: () => void): void {
  if (started) return;
  started = true;
  const flush = () =>
    void checkInQueue
      .flush()
      .then((done) => {
        if (done.length) onFlushed();
      })
      .catch(() => undefined);
  flush();
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) flush();
  });
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined')
    window.addEventListener('online', flush);
  setInterval(() => {
    if (checkInQueue.pending().length) flush();
  }, 30_000);
}
