import type { CheckInResult } from '@shared/api';
import { isApiError, isNetworkError } from '@/services/errors';
import type { KeyValue } from '@/services/kv';

/**
 * Check-ins scanned at a field's edge without a connection. Each scan is kept in storage with the time it
 * happened (`scannedAt`, which the server accepts up to 7 days back) and sent when the connection returns.
 * A server answer — success, `已签到过` or a refusal — settles it; only no answer keeps it queued.
 */
export const CHECKIN_QUEUE_KEY = 'sp.staff.checkins';

export type CheckInOutcome =
  | { kind: 'ok'; name: string; result: CheckInResult }
  | { kind: 'already'; message: string }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'queued' };

export interface QueuedCheckIn {
  code: string;
  scannedAt: string;
}

export interface CheckInQueueDeps {
  kv: KeyValue;
  send: (code: string, scannedAt: string) => Promise<CheckInResult>;
  now?: () => number;
}

export function outcomeOf(error: unknown): CheckInOutcome {
  if (isApiError(error)) {
    if (error.code === 'ALREADY_CHECKED_IN') return { kind: 'already', message: '已签到过' };
    if (error.status < 500) return { kind: 'refused', status: error.status, message: error.message };
  }
  if (isNetworkError(error) || isApiError(error)) return { kind: 'queued' };
  throw error;
}

/** The words staff see after a scan. */
export function outcomeText(o: CheckInOutcome): string {
  switch (o.kind) {
    case 'ok':
      return `${o.name} 签到成功`;
    case 'already':
      return '已签到过';
    case 'refused':
      return o.message;
    default:
      return '没有网络，已保存，联网后自动发送';
  }
}

export function createCheckInQueue({ kv, send, now = Date.now }: CheckInQueueDeps) {
  const read = (): QueuedCheckIn[] => kv.get<QueuedCheckIn[]>(CHECKIN_QUEUE_KEY) ?? [];
  const write = (items: QueuedCheckIn[]) => kv.set(CHECKIN_QUEUE_KEY, items);
  let flushing: Promise<CheckInOutcome[]> | null = null;

  const attempt = async (item: QueuedCheckIn): Promise<CheckInOutcome> => {
    try {
      const result = await send(item.code, item.scannedAt);
      return { kind: 'ok', name: result.attendee.name, result };
    } catch (error) {
      return outcomeOf(error);
    }
  };

  return {
    pending: read,
    /** Sends one scan now; with no answer it stays in the queue with the time it was scanned. */
    async scan(code: string): Promise<CheckInOutcome> {
      const item = { code: code.trim(), scannedAt: new Date(now()).toISOString() };
      const outcome = await attempt(item);
      if (outcome.kind === 'queued' && !read().some((q) => q.code === item.code)) write([...read(), item]);
      return outcome;
    },
    /** Sends everything queued, oldest first; stops at the first scan that still gets no answer. */
    flush(): Promise<CheckInOutcome[]> {
      if (flushing) return flushing;
      const run = (async () => {
        const outcomes: CheckInOutcome[] = [];
        for (const item of read()) {
          const outcome = await attempt(item);
          if (outcome.kind === 'queued') break;
          outcomes.push(outcome);
          write(read().filter((q) => q.code !== item.code));
        }
        return outcomes;
      })();
      flushing = run.finally(() => {
        flushing = null;
      });
      return flushing;
    },
  };
}

export type CheckInQueue = ReturnType<typeof createCheckInQueue>;
