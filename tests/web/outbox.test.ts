import type { Signup } from '@shared/schemas/signup';
import { ApiError, NetworkError } from '@/services/errors';
import { memoryKv } from '@/services/kv';
import { createOutbox, newIdempotencyKey, type SignupRequest } from '@/services/outbox';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const activity = {
  title: '送教下乡：农产品直播带货实操课',
  kind: 'outreach' as const,
  startsAt: '2026-12-10T09:00:00+08:00',
  endsAt: '2026-12-10T11:00:00+08:00',
  place: { township: '卧虎镇', village: '新立村', address: '村委会' },
};
const attendee = { name: '张国富', phone: '13604345678', village: '新立村' };

/** A fake API: offline until told otherwise, then creates each idempotency key's sign-up exactly once. */
function fakeServer() {
  const byKey = new Map<string, Signup>();
  const calls: SignupRequest[] = [];
  let mode: 'offline' | 'online' | 'refuse' | 'busy' = 'offline';
  const send = async (request: SignupRequest): Promise<Signup> => {
    calls.push(request);
    if (mode === 'offline') throw new NetworkError(new TypeError('Failed to fetch'));
    if (mode === 'refuse') throw new ApiError(409, 'DUPLICATE_SIGNUP', '这位参加人已经报过这个活动了');
    if (mode === 'busy') throw new ApiError(503, 'BUSY_RETRY', '报名人数较多，请稍后再试一次');
    const existing = byKey.get(request.idempotencyKey);
    if (existing) return existing;
    const signup: Signup = {
      id: `s-${byKey.size + 1}`,
      activityId: request.activityId,
      userId: 'u-1',
      status: 'confirmed',
      attendee: request.attendee,
      createdAt: '2026-12-01T10:00:00+08:00',
      updatedAt: '2026-12-01T10:00:00+08:00',
    };
    byKey.set(request.idempotencyKey, signup);
    return signup;
  };
  return { send, calls, byKey, set: (m: typeof mode) => (mode = m) };
}

describe('the offline sign-up outbox', () => {
  it('makes idempotency keys the API accepts (8–64 of [A-Za-z0-9_-]), different each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('keeps a sign-up made offline as pending (待发送) and sends it with the same key when back online', async () => {
    const kv = memoryKv();
    const server = fakeServer();
    const outbox = createOutbox({ kv, send: server.send });
    const entry = outbox.enqueue('act-1', activity, attendee);
    expect(entry.state).toBe('pending');

    const offline = await outbox.send(entry.key);
    expect(offline.state).toBe('pending');
    expect(outbox.pending()).toHaveLength(1);

    server.set('online');
    await outbox.flush();
    const sent = outbox.get(entry.key);
    expect(sent?.state).toBe('sent');
    expect(sent?.signup?.id).toBe('s-1');
    expect(sent?.attempts).toBe(2);
    expect(server.calls.map((c) => c.idempotencyKey)).toEqual([entry.key, entry.key]);
    expect(server.byKey.size).toBe(1);
  });

  it('survives a restart: a new outbox on the same storage sends the queued sign-up once', async () => {
    const kv = memoryKv();
    const server = fakeServer();
    const before = createOutbox({ kv, send: server.send });
    const { key } = before.enqueue('act-1', activity, attendee);
    await before.flush();

    server.set('online');
    const after = createOutbox({ kv, send: server.send });
    await Promise.all([after.flush(), after.flush(), after.send(key)]);
    expect(after.get(key)?.state).toBe('sent');
    // One offline try, then exactly one send however many triggers fired together.
    expect(server.calls).toHaveLength(2);
    expect(server.byKey.size).toBe(1);
  });

  it('moves a refused sign-up to failed with the server’s message and never retries it', async () => {
    const kv = memoryKv();
    const server = fakeServer();
    server.set('refuse');
    const outbox = createOutbox({ kv, send: server.send });
    const { key } = outbox.enqueue('act-1', activity, attendee);
    await outbox.flush();
    expect(outbox.get(key)).toMatchObject({
      state: 'failed',
      error: { status: 409, code: 'DUPLICATE_SIGNUP', message: '这位参加人已经报过这个活动了' },
    });
    server.set('online');
    await outbox.flush();
    expect(server.calls).toHaveLength(1);
    // Still listed until the user dismisses it: nothing is dropped silently.
    expect(outbox.list()).toHaveLength(1);
    outbox.dismiss(key);
    expect(outbox.list()).toHaveLength(0);
  });

  it('keeps it pending through a server hiccup (5xx) and sends it later', async () => {
    const server = fakeServer();
    server.set('busy');
    const outbox = createOutbox({ kv: memoryKv(), send: server.send });
    const { key } = outbox.enqueue('act-1', activity, attendee);
    expect((await outbox.send(key)).state).toBe('pending');
    server.set('online');
    expect((await outbox.send(key)).state).toBe('sent');
  });

  it('sends queued sign-ups in order and stops at the first one that gets no answer', async () => {
    const server = fakeServer();
    const outbox = createOutbox({ kv: memoryKv(), send: server.send });
    outbox.enqueue('act-1', activity, attendee);
    outbox.enqueue('act-2', activity, attendee);
    await outbox.flush();
    expect(server.calls.map((c) => c.activityId)).toEqual(['act-1']);
    server.set('online');
    await outbox.flush();
    expect(outbox.list().map((e) => e.state)).toEqual(['sent', 'sent']);
  });

  it('flushes again after a flush that had nothing to send', async () => {
    const server = fakeServer();
    server.set('online');
    const outbox = createOutbox({ kv: memoryKv(), send: server.send });
    await outbox.flush();
    const { key } = outbox.enqueue('act-1', activity, attendee);
    await outbox.flush();
    expect(outbox.get(key)?.state).toBe('sent');
  });

  it('tells subscribers about every change', async () => {
    const server = fakeServer();
    const outbox = createOutbox({ kv: memoryKv(), send: server.send });
    const seen: string[][] = [];
    const unsubscribe = outbox.subscribe((entries) => seen.push(entries.map((e) => e.state)));
    const { key } = outbox.enqueue('act-1', activity, attendee);
    server.set('online');
    await outbox.send(key);
    unsubscribe();
    expect(seen).toEqual([['pending'], ['sent']]);
  });

  it('keeps only the 20 most recent sent entries', async () => {
    const server = fakeServer();
    server.set('online');
    const outbox = createOutbox({ kv: memoryKv(), send: server.send });
    for (let i = 0; i < 25; i += 1) {
      const { key } = outbox.enqueue(`act-${i}`, activity, attendee);
      await outbox.send(key);
    }
    const left = outbox.list();
    expect(left).toHaveLength(20);
    expect(left[0]?.activityId).toBe('act-5');
  });
});
