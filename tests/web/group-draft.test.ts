import type { SignupBatchResponse, SignupBatchResult } from '@shared/api';
import type { Attendee } from '@shared/schemas/signup';
import { ApiError, NetworkError } from '@/services/errors';
import { memoryKv } from '@/services/kv';
import {
  groupDrafts,
  sendGroup,
  submissionFor,
  type GroupDraft,
  type GroupSubmission,
} from '@/packages/activity/lib/group-draft';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const zhang: Attendee = { name: '张桂兰', phone: '13800138000', village: '五里村' };
const li: Attendee = { name: '李国强', phone: '13904345678', village: '五里村' };
const wang: Attendee = { name: '王秀英', phone: '13704341234', village: '三合村' };

/**
 * A stand-in for POST /signups/batch that behaves like the real one towards keys: each (key, index) books a
 * seat once and a replay answers the same sign-up. `lose` makes it book and then drop the answer, as a weak
 * connection does; `offline` never reaches it.
 */
function fakeServer() {
  const booked = new Map<string, SignupBatchResult>();
  const keys: string[] = [];
  let mode: 'ok' | 'offline' | 'lose' | 'busy' | 'refuse' | 'garbled' = 'ok';
  const send = async (s: GroupSubmission): Promise<SignupBatchResponse> => {
    keys.push(s.key);
    if (mode === 'offline') throw new NetworkError(new TypeError('Failed to fetch'));
    if (mode === 'busy') throw new ApiError(503, 'BUSY_RETRY', '报名人数较多，请稍后再试一次');
    if (mode === 'refuse')
      throw new ApiError(404, 'ACTIVITY_NOT_FOUND', '没有找到这个活动，可能已被取消或删除');
    if (mode === 'garbled') throw new SyntaxError('Unexpected token < in JSON');
    const results = s.attendees.map((attendee, i) => {
      const id = `${s.key}:${i}`;
      const done = booked.get(id) ?? {
        attendee,
        status: 'confirmed' as const,
        signupId: `s-${booked.size + 1}`,
      };
      booked.set(id, done);
      return done;
    });
    if (mode === 'lose') throw new NetworkError(new Error('answer lost'));
    return { results };
  };
  return {
    send,
    keys,
    booked,
    set: (m: typeof mode) => void (mode = m),
  };
}

let counter = 0;
const newKey = () => `grp-test-${(counter += 1)}`;

/** What the page does on 提交团体报名 / 重新提交: save the submission, send it, save the outcome. */
async function submit(
  store: ReturnType<typeof groupDrafts>,
  server: ReturnType<typeof fakeServer>,
  attendees: Attendee[],
) {
  const draft = store.load();
  const submission = submissionFor(
    draft,
    attendees,
    attendees.map((a) => `${a.name} ${a.phone} ${a.village}`),
    newKey,
  );
  const sending: GroupDraft = { ...draft, pending: submission };
  store.save(sending);
  const outcome = await sendGroup(sending, submission, server.send);
  store.save(outcome.draft);
  return outcome;
}

describe('sending a 团体报名 list over a weak connection', () => {
  it('keeps the list and its key when there is no answer, and a retry sends the same key', async () => {
    const kv = memoryKv();
    const store = groupDrafts(kv, 'act-1');
    const server = fakeServer();
    store.save({ text: '张桂兰 13800138000 五里村\n李国强 13904345678 五里村' });

    server.set('offline');
    const first = await submit(store, server, [zhang, li]);
    expect(first.kind).toBe('no-answer');
    expect(first.kind === 'no-answer' && first.message).toBe('网络连接不可用，请检查网络后重试');
    // Stored, so it also outlives the app being closed.
    const kept = groupDrafts(kv, 'act-1').load();
    expect(kept.text).toBe('张桂兰 13800138000 五里村\n李国强 13904345678 五里村');
    expect(kept.pending?.attendees).toEqual([zhang, li]);

    server.set('ok');
    const second = await submit(store, server, [zhang, li]);
    expect(second.kind).toBe('answered');
    expect(server.keys).toHaveLength(2);
    expect(server.keys[1]).toBe(server.keys[0]);
    const after = store.load();
    expect(after.pending).toBeUndefined();
    expect(after.answer?.results.map((r) => ('status' in r ? r.status : r.error.code))).toEqual([
      'confirmed',
      'confirmed',
    ]);
    expect(after.answer?.lines).toEqual(['张桂兰 13800138000 五里村', '李国强 13904345678 五里村']);
    expect(after.text).toBe('张桂兰 13800138000 五里村\n李国强 13904345678 五里村');
  });

  it('never books twice when the server booked the list but the answer was lost', async () => {
    const store = groupDrafts(memoryKv(), 'act-2');
    const server = fakeServer();
    server.set('lose');
    expect((await submit(store, server, [zhang, li, wang])).kind).toBe('no-answer');
    expect(server.booked.size).toBe(3);

    server.set('ok');
    const retry = await submit(store, server, [zhang, li, wang]);
    expect(retry.kind).toBe('answered');
    expect(server.booked.size).toBe(3);
    expect(new Set(server.keys).size).toBe(1);
    const ids = store.load().answer?.results.map((r) => ('signupId' in r ? r.signupId : null));
    expect(ids).toEqual(['s-1', 's-2', 's-3']);
  });

  it('treats a server hiccup (503) like no answer, and a changed list as a new submission', async () => {
    const store = groupDrafts(memoryKv(), 'act-3');
    const server = fakeServer();
    server.set('busy');
    const busy = await submit(store, server, [zhang, li]);
    expect(busy.kind).toBe('no-answer');
    expect(busy.kind === 'no-answer' && busy.message).toBe('报名人数较多，请稍后再试一次');
    expect(store.load().pending?.key).toBe(server.keys[0]);

    // The cadre removed a row: a different list, so a different key (the old key would not match it).
    server.set('ok');
    await submit(store, server, [zhang]);
    expect(server.keys[1]).not.toBe(server.keys[0]);
  });

  it('keeps the submission for 重新提交 after a failure that is neither a refusal nor a network error', async () => {
    const store = groupDrafts(memoryKv(), 'act-5');
    const server = fakeServer();
    server.set('garbled');
    const odd = await submit(store, server, [zhang]);
    expect(odd).toMatchObject({ kind: 'no-answer', message: '出了点问题，请稍后重试' });
    expect(store.load().pending?.key).toBe(server.keys[0]);
  });

  it('drops the submission when the server refuses the whole list, keeping the text to fix', async () => {
    const store = groupDrafts(memoryKv(), 'act-4');
    const server = fakeServer();
    store.save({ text: '张桂兰 13800138000 五里村' });
    server.set('refuse');
    const refused = await submit(store, server, [zhang]);
    expect(refused).toMatchObject({ kind: 'refused', message: '没有找到这个活动，可能已被取消或删除' });
    expect(store.load()).toEqual({ text: '张桂兰 13800138000 五里村' });
    expect(server.booked.size).toBe(0);
  });

  it('keeps one draft per activity', () => {
    const kv = memoryKv();
    groupDrafts(kv, 'act-a').save({ text: 'A' });
    groupDrafts(kv, 'act-b').save({ text: 'B' });
    expect(groupDrafts(kv, 'act-a').load().text).toBe('A');
    groupDrafts(kv, 'act-a').clear();
    expect(groupDrafts(kv, 'act-a').load()).toEqual({ text: '' });
    expect(groupDrafts(kv, 'act-b').load().text).toBe('B');
    expect(Object.keys(kv.dump())).toEqual(['sp.group:act-b']);
  });
});
