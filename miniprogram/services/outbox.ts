import type { ActivityKind, Place } from '@shared/schemas/activity';
import type { Attendee, Signup } from '@shared/schemas/signup';
import { IdempotencyKeySchema } from '@shared/schemas/signup';
import { validate } from '@shared/validate';
import { isApiError, isFinalRefusal, isNetworkError } from './errors';
import { randomString } from './dev-identity';
import { KEYS, type KeyValue } from './kv';

/**
 * The offline sign-up queue. A sign-up gets its Idempotency-Key once, when the user taps 提交报名, and keeps
 * it on every retry, so the server creates it exactly once however often we resend. Entries live in
 * storage until the server has answered: `pending` (shown as 待发送) → `sent` (with the server's sign-up)
 * or `failed` (the server refused; the user sees its message). Nothing is dropped silently.
 */
export type OutboxState = 'pending' | 'sent' | 'failed';

export interface ActivitySnapshot {
  title: string;
  kind: ActivityKind;
  startsAt: string;
  endsAt: string;
  place: Place;
}

export interface OutboxEntry {
  key: string;
  activityId: string;
  activity: ActivitySnapshot;
  attendee: Attendee;
  state: OutboxState;
  createdAt: string;
  attempts: number;
  lastAttemptAt?: string;
  signup?: Signup;
  error?: {
    status: number;
    code: string;
    message: string;
    fields: Array<{ field: string; message: string }>;
  };
}

export interface SignupRequest {
  activityId: string;
  attendee: Attendee;
  idempotencyKey: string;
}

export interface OutboxDeps {
  kv: KeyValue;
  /** Sends one sign-up; throws NetworkError when there is no answer, ApiError when refused. */
  send: (request: SignupRequest) => Promise<Signup>;
  now?: () => number;
  newKey?: () => string;
}

export type Listener = (entries: OutboxEntry[]) => void;

/** Sent entries are kept a while so the result page and 我的 can show them; then pruned. */
const KEEP_SENT = 20;

export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const key = `su-${now.toString(36)}-${randomString(16, alphabet, random)}`;
  if (!validate(IdempotencyKeySchema, key).ok) throw new Error(`bad idempotency key ${key}`);
  return key;
}

export function createOutbox({
  kv,
  send,
  now = Date.now,
  newKey = () => newIdempotencyKey(now()),
}: OutboxDeps) {
  const listeners = new Set<Listener>();
  const inflight = new Map<string, Promise<OutboxEntry>>();
  let flushing: Promise<void> | null = null;

  const read = (): OutboxEntry[] => kv.get<OutboxEntry[]>(KEYS.outbox) ?? [];
  const write = (entries: OutboxEntry[]) => {
    const sent = entries.filter((e) => e.state === 'sent');
    const drop = new Set(sent.slice(0, Math.max(0, sent.length - KEEP_SENT)).map((e) => e.key));
    const kept = entries.filter((e) => !drop.has(e.key));
    kv.set(KEYS.outbox, kept);
    for (const listener of listeners) listener(kept);
  };
  const update = (key: string, patch: Partial<OutboxEntry>): OutboxEntry | undefined => {
    const entries = read();
    const index = entries.findIndex((e) => e.key === key);
    const current = entries[index];
    if (!current) return undefined;
    const next = { ...current, ...patch };
    entries[index] = next;
    write(entries);
    return next;
  };

  const attempt = (key: string): Promise<OutboxEntry> => {
    const running = inflight.get(key);
    if (running) return running;
    const run = (async (): Promise<OutboxEntry> => {
      const entry = read().find((e) => e.key === key);
      if (!entry) throw new Error(`no outbox entry ${key}`);
      if (entry.state !== 'pending') return entry;
      const at = new Date(now()).toISOString();
      try {
        const signup = await send({
          activityId: entry.activityId,
          attendee: entry.attendee,
          idempotencyKey: key,
        });
        return (
          update(key, { state: 'sent', signup, attempts: entry.attempts + 1, lastAttemptAt: at }) ?? entry
        );
      } catch (error) {
        if (isFinalRefusal(error)) {
          const failed = {
            status: error.status,
            code: error.code,
            message: error.message,
            fields: error.fields,
          };
          return (
            update(key, {
              state: 'failed',
              error: failed,
              attempts: entry.attempts + 1,
              lastAttemptAt: at,
            }) ?? entry
          );
        }
        // No answer, or a server hiccup: keep it pending with the same key for the next try.
        const kept = update(key, { attempts: entry.attempts + 1, lastAttemptAt: at }) ?? entry;
        if (isNetworkError(error) || isApiError(error)) return kept;
        throw error;
      } finally {
        inflight.delete(key);
      }
    })();
    inflight.set(key, run);
    return run;
  };

  return {
    list: read,
    get: (key: string) => read().find((e) => e.key === key),
    pending: () => read().filter((e) => e.state === 'pending'),

    /** Queues a sign-up with a fresh idempotency key; nothing is sent yet. */
    enqueue(activityId: string, activity: ActivitySnapshot, attendee: Attendee): OutboxEntry {
      const entry: OutboxEntry = {
        key: newKey(),
        activityId,
        activity,
        attendee,
        state: 'pending',
        createdAt: new Date(now()).toISOString(),
        attempts: 0,
      };
      write([...read(), entry]);
      return entry;
    },

    /** Tries one entry now (the form's submit); resolves with its new state. */
    send: attempt,

    /** Sends every pending entry in order; stops at the first one that gets no answer (still offline). */
    flush(): Promise<void> {
      if (flushing) return flushing;
      const run = (async () => {
        for (const entry of read().filter((e) => e.state === 'pending')) {
          const after = await attempt(entry.key);
          if (after.state === 'pending') break;
        }
      })();
      // Cleared after the assignment: a run with nothing to send finishes synchronously.
      const shared: Promise<void> = run.finally(() => {
        if (flushing === shared) flushing = null;
      });
      flushing = shared;
      return shared;
    },

    /** The user has read a refusal (or a result): take it off the list. */
    dismiss(key: string) {
      write(read().filter((e) => e.key !== key));
    },

    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
