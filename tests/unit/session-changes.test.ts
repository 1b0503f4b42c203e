import * as v from 'valibot';
import type { Caller } from '../../functions/domain/access';
import {
  cancelActivity,
  publishActivity,
  reviseActivity,
  reviseSession,
} from '../../functions/domain/activities/activities';
import { issueCompletions, signupDetail, tickOff } from '../../functions/domain/attendance/attendance';
import { DomainError } from '../../functions/domain/errors';
import type { Messenger } from '../../functions/domain/messaging/notify';
import { shortIdOf } from '../../functions/domain/people/people';
import { runScheduledWork } from '../../functions/domain/scheduled';
import { cancelSignup, createSignup } from '../../functions/domain/signups/signups';
import { ActivityCreateInputSchema, type SessionPatchInput } from '../../shared/schemas/activity';
import { toIso } from '../../shared/time';
import { schools, majors, certificates } from '../../scripts/seed/catalog';
import { createMemoryStores, type MemoryStores } from '../support/memory';

/**
 * A weekly term's reminders (one before every class) and the messages of a class moved or cancelled (调课、停课),
 * on the in-memory adapters: the worker driven hour by hour through the term, WeChat a stand-in that records.
 */

const NOW = '2030-03-05T10:00:00+08:00';
const HOUR = 3600_000;
const SCHOOL = 'lishu-senior-univ';
const STAFF: Caller = { userId: `staff-${SCHOOL}`, roles: ['user', `staff:${SCHOOL}`] };
const OTHER_STAFF: Caller = { userId: 'staff-lishu-vocational', roles: ['user', 'staff:lishu-vocational'] };
/** The term's four Tuesday classes, 09:00–10:30. */
const CLASSES = ['2030-03-12', '2030-03-19', '2030-03-26', '2030-04-02'];

let deps: MemoryStores;

beforeEach(() => {
  deps = createMemoryStores({ now: NOW, catalog: { schools, majors, certificates } });
});

const user = (n: number): Caller => ({ userId: `user-${n}`, roles: ['user'] });

async function publishTerm(overrides: Record<string, unknown> = {}) {
  const input = v.parse(ActivityCreateInputSchema, {
    kind: 'senior',
    title: '太极拳（春季班）',
    schoolId: SCHOOL,
    county: '梨树县',
    place: { township: '梨树镇', address: '老年大学一楼' },
    startsAt: `${CLASSES[0]}T09:00:00+08:00`,
    endsAt: `${CLASSES[3]}T10:30:00+08:00`,
    schedule: {
      weekday: 2,
      startTime: '09:00',
      endTime: '10:30',
      firstDate: CLASSES[0],
      lastDate: CLASSES[3],
    },
    capacity: 2,
    signupOpensAt: '2030-03-01T08:00:00+08:00',
    signupClosesAt: '2030-03-10T18:00:00+08:00',
    ...overrides,
  });
  return publishActivity(deps, STAFF, input);
}

async function signUp(activityId: string, n: number) {
  deps.clock.advance(1);
  const attendee = {
    name: `学员${String.fromCharCode(0x4e00 + n)}`,
    phone: `139${String(20000000 + n)}`,
    birthYear: 1955,
  };
  return (await createSignup(deps, user(n), { activityId, attendee })).signup;
}

/** Person n logs in through WeChat and accepts `grants` one-time messages of each template (none: never asked). */
async function loggedIn(n: number, grants = 10) {
  await deps.users.ensure(user(n).userId, { openId: `wx-${n}`, shortId: shortIdOf(user(n).userId) }, NOW);
  for (let i = 0; i < grants; i++)
    await deps.subscriptions.accept(user(n).userId, ['tpl-reminder', 'tpl-result', 'tpl-cancelled']);
}

/** A stand-in for WeChat: what it was sent, to whom, with which template, status and time. */
function wechat() {
  const sent: Array<{ to: string; template: string; status: string; time: string; place: string }> = [];
  const messenger: Messenger = {
    templates: { reminder: 'tpl-reminder', result: 'tpl-result', cancelled: 'tpl-cancelled' },
    async send(message) {
      sent.push({
        to: message.touser,
        template: message.template_id,
        status: message.data.phrase5?.value ?? '',
        time: message.data.time2?.value ?? '',
        place: message.data.thing3?.value ?? '',
      });
      return 0;
    },
    recipient: (u) => u.openId ?? null,
  };
  return { sent, messenger };
}

const runWorker = (messenger: Messenger) =>
  runScheduledWork(deps, messenger, (activityId, error) => {
    throw new Error(`activity ${activityId} failed: ${String(error)}`);
  });

/** Runs the worker every hour from now until `until`, as its 5-minute schedule would (coarser): the activities it read. */
async function runUntil(until: string, messenger: Messenger): Promise<number> {
  let read = 0;
  for (let at = deps.clock.now() + HOUR; at <= Date.parse(until); at += HOUR) {
    deps.clock.set(at);
    read += (await runWorker(messenger)).activities ?? 0;
  }
  return read;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const outbox = async (signupId: string) =>
  (await deps.outbox.list(signupId)).map((m) => [m.kind, m.about ?? '', m.status]);

describe('a weekly term’s reminders', () => {
  it('reminds each subscriber before every one of the four classes, once, and nobody else', async () => {
    const { sent, messenger } = wechat();
    const term = await publishTerm();
    expect(term.sessions).toHaveLength(4);
    await loggedIn(1);
    await loggedIn(2, 0);
    await loggedIn(3);
    const [a, b, c] = [await signUp(term.id, 1), await signUp(term.id, 2), await signUp(term.id, 3)];
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const read = await runUntil('2030-04-02T12:00:00+08:00', messenger);
    expect(sent.map((m) => [m.to, m.status, m.time])).toEqual([
      ['wx-1', '明天开课，请准时参加', '2030年3月12日 09:00'],
      ['wx-1', '两小时后开始，请准时到场', '2030年3月12日 09:00'],
      ['wx-1', '第2次课就要到了，请准时参加', '2030年3月19日 09:00'],
      ['wx-1', '第3次课就要到了，请准时参加', '2030年3月26日 09:00'],
      ['wx-1', '第4次课就要到了，请准时参加', '2030年4月2日 09:00'],
    ]);
    expect(new Set(sent.map((m) => m.template))).toEqual(new Set(['tpl-reminder']));
    // Person 2 never accepted the template: each reminder is recorded, none sent. The waitlist gets none.
    expect((await outbox(b.id)).map(([, about, status]) => [about, status])).toEqual([
      ['', 'not-subscribed'],
      ['', 'not-subscribed'],
      ['s1', 'not-subscribed'],
      ['s2', 'not-subscribed'],
      ['s3', 'not-subscribed'],
    ]);
    expect(await outbox(c.id)).toEqual([]);
    // The agenda: the term is read once per reminder window (five), not at each of the ~670 runs.
    expect(read).toBe(5);
    expect((await deps.activities.get(term.id))?.wakeAt).toBeNull();
  });
});

describe('a class moved (调课)', () => {
  const moveThird: SessionPatchInput = {
    startsAt: '2030-03-28T14:00:00+08:00',
    endsAt: '2030-03-28T15:30:00+08:00',
  };

  it('tells every confirmed and waitlisted person once, with the new time, and moves the class’s reminder', async () => {
    const { sent, messenger } = wechat();
    const term = await publishTerm();
    for (const n of [1, 2, 3, 4]) await loggedIn(n);
    const [a, b, c, d] = [
      await signUp(term.id, 1),
      await signUp(term.id, 2),
      await signUp(term.id, 3),
      await signUp(term.id, 4),
    ];
    await cancelSignup(deps, user(4), d.id);
    expect(c.status).toBe('waitlisted');

    deps.clock.set('2030-03-20T10:00:00+08:00');
    const view = await reviseSession(deps, STAFF, term.id, 2, moveThird);
    expect(view.sessions[2]).toMatchObject(moveThird);
    expect((await deps.audit.list(undefined, 5)).items[0]).toMatchObject({
      action: 'revise-session',
      target: `activity:${term.id}`,
      before: { session: 2, startsAt: '2030-03-26T09:00:00+08:00' },
      after: { session: 2, startsAt: moveThird.startsAt },
    });
    // Queued by the worker's next run, sent in it; a second run sends nothing again.
    await runWorker(messenger);
    await runWorker(messenger);
    const told = sent.filter((m) => m.template === 'tpl-cancelled');
    expect(told.map((m) => [m.to, m.status, m.time]).sort()).toEqual([
      ['wx-1', '第3次课改到3月28日 14:00', '2030年3月28日 14:00'],
      ['wx-2', '第3次课改到3月28日 14:00', '2030年3月28日 14:00'],
      ['wx-3', '第3次课改到3月28日 14:00', '2030年3月28日 14:00'],
    ]);
    for (const s of [a, b, c]) {
      expect((await outbox(s.id)).filter(([kind]) => kind === 'session-changed')).toEqual([
        ['session-changed', 's2#c1', 'sent'],
      ]);
    }
    expect(await outbox(d.id)).toEqual([]);

    // The same request again (a retry) is no change: nobody is told twice.
    await reviseSession(deps, STAFF, term.id, 2, moveThird);
    expect((await deps.activities.get(term.id))?.changeSeq).toBe(1);
    await runWorker(messenger);
    expect(sent.filter((m) => m.template === 'tpl-cancelled')).toHaveLength(3);

    // Its reminder follows the new time: nothing the day before the old one, one the day before the new one.
    sent.length = 0;
    await runUntil('2030-03-26T09:00:00+08:00', messenger);
    expect(sent).toEqual([]);
    await runUntil('2030-03-28T14:00:00+08:00', messenger);
    expect(sent.map((m) => [m.to, m.status, m.time])).toEqual([
      ['wx-1', '第3次课就要到了，请准时参加', '2030年3月28日 14:00'],
      ['wx-2', '第3次课就要到了，请准时参加', '2030年3月28日 14:00'],
    ]);
  });

  it('makes a second, different change a second message, and a new place says where', async () => {
    const { sent, messenger } = wechat();
    const term = await publishTerm();
    await loggedIn(1);
    const a = await signUp(term.id, 1);
    await reviseSession(deps, STAFF, term.id, 2, moveThird);
    await runWorker(messenger);
    await reviseSession(deps, STAFF, term.id, 2, {
      place: { township: '梨树镇', address: '文化站二楼' },
    });
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.status, m.place])).toEqual([
      ['第3次课改到3月28日 14:00', '梨树镇 老年大学一楼'],
      ['第3次课地点改为梨树镇 文化站二楼', '梨树镇 文化站二楼'],
    ]);
    expect((await outbox(a.id)).map(([kind, about]) => `${kind}#${about}`)).toEqual([
      'session-changed#s2#c1',
      'session-changed#s2#c2',
    ]);
    // The other classes keep the activity's place.
    const record = await deps.activities.get(term.id);
    expect(record?.sessions.map((s) => s.place?.address ?? null)).toEqual([null, null, '文化站二楼', null]);
    expect(record?.place.address).toBe('老年大学一楼');
  });

  it('tells the people of a single class of a new place or time given by PATCH /staff/activities/{id}', async () => {
    const { sent, messenger } = wechat();
    const one = await publishTerm({ schedule: undefined, endsAt: `${CLASSES[0]}T10:30:00+08:00` });
    expect(one.sessions).toHaveLength(1);
    await loggedIn(1);
    await signUp(one.id, 1);
    await reviseActivity(deps, STAFF, one.id, { title: '太极拳（一次课）' });
    await reviseActivity(deps, STAFF, one.id, { place: one.place });
    expect((await deps.activities.get(one.id))?.changeSeq).toBe(0);
    await reviseActivity(deps, STAFF, one.id, {
      startsAt: `${CLASSES[0]}T14:00:00+08:00`,
      endsAt: `${CLASSES[0]}T15:30:00+08:00`,
    });
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.template, m.status, m.time])).toEqual([
      ['tpl-cancelled', '改到3月12日 14:00', '2030年3月12日 14:00'],
    ]);
    expect((await deps.activities.get(one.id))?.sessions).toEqual([
      { startsAt: '2030-03-12T14:00:00+08:00', endsAt: '2030-03-12T15:30:00+08:00' },
    ]);
  });

  it('refuses another school’s staff, a class that is not there, begun or cancelled, and times out of order', async () => {
    const term = await publishTerm();
    expect((await refusal(reviseSession(deps, OTHER_STAFF, term.id, 2, moveThird))).code).toBe('FORBIDDEN');
    expect((await refusal(reviseSession(deps, STAFF, term.id, 4, moveThird))).code).toBe('SESSION_NOT_FOUND');
    expect((await refusal(reviseSession(deps, STAFF, 'no-such', 0, moveThird))).code).toBe(
      'ACTIVITY_NOT_FOUND',
    );
    const backwards = await refusal(
      reviseSession(deps, STAFF, term.id, 2, { startsAt: '2030-03-26T11:00:00+08:00' }),
    );
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(backwards.fields).toEqual([{ field: 'endsAt', message: '结束时间应晚于开始时间' }]);
    const overlap = await refusal(
      reviseSession(deps, STAFF, term.id, 2, {
        startsAt: '2030-04-02T08:00:00+08:00',
        endsAt: '2030-04-02T09:30:00+08:00',
      }),
    );
    expect(overlap.fields).toEqual([{ field: 'endsAt', message: '要排在第 4 次课开始之前' }]);
    const early = await refusal(
      reviseSession(deps, STAFF, term.id, 2, {
        startsAt: '2030-03-19T09:30:00+08:00',
        endsAt: '2030-03-19T11:00:00+08:00',
      }),
    );
    expect(early.fields).toEqual([{ field: 'startsAt', message: '要排在第 2 次课结束之后' }]);
    deps.clock.set('2030-03-12T09:30:00+08:00');
    const begun = await refusal(reviseSession(deps, STAFF, term.id, 0, { cancelled: true, reason: '下雪' }));
    expect(begun.fields).toEqual([
      { field: 'cancelled', message: '这次课已经开始或结束了，不能再修改或停课' },
    ]);
    await reviseSession(deps, STAFF, term.id, 1, { cancelled: true, reason: '下雪' });
    expect((await refusal(reviseSession(deps, STAFF, term.id, 1, moveThird))).code).toBe('SESSION_CANCELLED');
    await cancelActivity(deps, STAFF, term.id, '场地维修');
    expect((await refusal(reviseSession(deps, STAFF, term.id, 2, moveThird))).code).toBe(
      'ACTIVITY_CANCELLED',
    );
    // Nothing was written by a refusal: one change (class 2 cancelled).
    expect((await deps.activities.get(term.id))?.changeSeq).toBe(1);
  });
});

describe('a class cancelled (停课)', () => {
  it('reaches every affected person once, stays in the list, and no longer counts', async () => {
    const { sent, messenger } = wechat();
    const term = await publishTerm();
    for (const n of [1, 2, 3]) await loggedIn(n);
    const [a, b, c] = [await signUp(term.id, 1), await signUp(term.id, 2), await signUp(term.id, 3)];

    const view = await reviseSession(deps, STAFF, term.id, 1, { cancelled: true, reason: '老师生病' });
    expect(view.sessions[1]).toMatchObject({
      startsAt: '2030-03-19T09:00:00+08:00',
      cancelled: true,
      cancelReason: '老师生病',
    });
    expect(view.sessions).toHaveLength(4);
    // Repeated, it is the same cancellation.
    await reviseSession(deps, STAFF, term.id, 1, { cancelled: true, reason: '老师生病' });
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.to, m.template, m.status, m.time]).sort()).toEqual([
      ['wx-1', 'tpl-cancelled', '3月19日的课停课：老师生病', '2030年3月19日 09:00'],
      ['wx-2', 'tpl-cancelled', '3月19日的课停课：老师生病', '2030年3月19日 09:00'],
      ['wx-3', 'tpl-cancelled', '3月19日的课停课：老师生病', '2030年3月19日 09:00'],
    ]);
    for (const s of [a, b, c]) expect(await outbox(s.id)).toEqual([['session-cancelled', 's1#c1', 'sent']]);

    // No reminder for it; the others go as before; nobody gets the notice twice.
    sent.length = 0;
    await runUntil('2030-04-02T12:00:00+08:00', messenger);
    expect(sent.filter((m) => m.to === 'wx-1').map((m) => m.status)).toEqual([
      '明天开课，请准时参加',
      '两小时后开始，请准时到场',
      '第3次课就要到了，请准时参加',
      '第4次课就要到了，请准时参加',
    ]);
    expect(sent.filter((m) => m.template === 'tpl-cancelled')).toEqual([]);
  });

  it('refuses check-in for it and leaves it out of the completion rule', async () => {
    const term = await publishTerm();
    const a = await signUp(term.id, 1);
    await reviseSession(deps, STAFF, term.id, 1, { cancelled: true, reason: '老师生病' });
    for (const day of ['2030-03-12', '2030-03-26', '2030-04-02']) {
      deps.clock.set(`${day}T09:10:00+08:00`);
      await tickOff(deps, STAFF, term.id, { signupId: a.id });
    }
    deps.clock.set('2030-03-19T09:10:00+08:00');
    const refused = await refusal(
      tickOff(deps, STAFF, term.id, { signupId: a.id, sessionDate: '2030-03-19' }),
    );
    expect(refused.code).toBe('SESSION_CANCELLED');
    expect(refused.message).toContain('老师生病');

    deps.clock.set('2030-04-03T10:00:00+08:00');
    expect(await issueCompletions(deps, (await deps.activities.get(term.id))!)).toBe(1);
    const detail = await signupDetail(deps, user(1), a.id, 'unit-secret');
    expect(detail.attendance?.sessions.map((s) => s.cancelled ?? false)).toEqual([false, true, false, false]);
    expect(detail.attendance?.attended).toBe(3);
    // 3 of the 3 classes held: earned, although 3 of 4 would fall short of the 80 % rule.
    expect(detail.completion).toMatchObject({ sessionsAttended: 3, sessionsTotal: 3 });
  });

  it('is not allowed for the last class still held: the activity is cancelled instead, and told as before', async () => {
    const { sent, messenger } = wechat();
    const term = await publishTerm();
    await loggedIn(1);
    await signUp(term.id, 1);
    for (const index of [0, 1, 2])
      await reviseSession(deps, STAFF, term.id, index, { cancelled: true, reason: '停电' });
    const last = await refusal(reviseSession(deps, STAFF, term.id, 3, { cancelled: true, reason: '停电' }));
    expect(last.fields).toEqual([
      { field: 'cancelled', message: '这是唯一还要上的一次课：请取消整个活动，报名的人会收到通知' },
    ]);
    // The activity's times follow the classes still held.
    expect(await deps.activities.get(term.id)).toMatchObject({
      startsAt: '2030-04-02T09:00:00+08:00',
      endsAt: '2030-04-02T10:30:00+08:00',
    });
    await cancelActivity(deps, STAFF, term.id, '场地维修');
    await runWorker(messenger);
    await runWorker(messenger);
    // The activity's own notice says all: the classes' notices not yet sent are moot.
    expect(sent.map((m) => m.status)).toEqual(['活动已取消：场地维修']);
  });
});

describe('the outbox id', () => {
  it('names the change: two changes are two messages, the same one queued twice is one', async () => {
    const term = await publishTerm();
    const a = await signUp(term.id, 1);
    const record = (await deps.activities.get(term.id))!;
    const { outboxMessage } = await import('../../functions/domain/messaging/notify');
    const first = outboxMessage('session-changed', a, deps.clock.now(), deps.clock.now(), 's2#c1');
    expect(await deps.outbox.enqueue(first)).toBe(true);
    expect(await deps.outbox.enqueue({ ...first, createdAt: toIso(deps.clock.now() + HOUR) })).toBe(false);
    expect(await deps.outbox.enqueue({ ...first, about: 's2#c2' })).toBe(true);
    expect(await deps.outbox.enqueue({ ...first, about: 's1#c3' })).toBe(true);
    expect((await deps.outbox.list(a.id)).map((m) => m.about)).toEqual(['s1#c3', 's2#c1', 's2#c2']);
    expect(record.changeSeq).toBe(0);
  });
});
