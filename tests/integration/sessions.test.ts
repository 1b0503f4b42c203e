import { useFreshTable } from '../support/table';
import { json, startWechatStandIn } from '../support/wechat-stand-in';
import { handlerApi } from '../support/api';
import { attendee } from '../support/fixtures';
import { inZone, toIso } from '../../shared/time';
import type { Clock } from '../../functions/domain/clock';
// Types only: the modules themselves load after the environment names this file's table.
import type * as WorkerModule from '../../functions/handlers/rules-worker';
import type * as StoreModule from '../../functions/store';

/**
 * A weekly term against DynamoDB Local, through the handlers and the scheduled worker's handler: a reminder
 * before every class, and the messages of a class moved or cancelled (PATCH /staff/activities/{id}/sessions/
 * {index}), each sent once, whatever the worker's runs. The clock is moved for the worker, hour by hour.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;
const sent: Array<{ touser: string; template_id: string; data: Record<string, { value: string }> }> = [];
const api = handlerApi();
const STAFF = { user: 'staff-lishu-senior-univ', roles: [] };
const OTHER_STAFF = { user: 'staff-shuangliao-vocational', roles: [] };
const HOUR = 3600_000;

let stores: typeof StoreModule.stores;
let worker: typeof WorkerModule.handler;

beforeAll(async () => {
  // WeChat's subscribe-message API: every message the worker sends is kept, and accepted.
  wechat = await startWechatStandIn({
    '/cgi-bin/message/subscribe/send': (call, res) => {
      sent.push(call.body as (typeof sent)[number]);
      json(res, { errcode: 0, errmsg: 'ok' });
    },
  });
  table = await useFreshTable();
  Object.assign(process.env, wechat.env);
  const { seed } = await import('../../scripts/seed');
  await seed();
  stores = (await import('../../functions/store')).stores;
  worker = (await import('../../functions/handlers/rules-worker')).handler;
});

afterAll(async () => {
  await wechat.close();
  await table.drop();
});

/** Runs `run` with every function's clock at `now` (the handlers and the worker read the stores' clock). */
async function atTime<T>(now: number, run: () => Promise<T>): Promise<T> {
  const real = stores.clock;
  stores.clock = { now: () => now } satisfies Clock;
  try {
    return await run();
  } finally {
    stores.clock = real;
  }
}

/** The worker every hour from `from` to `until`, as its 5-minute schedule would run it (coarser). */
async function runHourly(from: number, until: number): Promise<void> {
  for (let at = from; at <= until; at += HOUR) await atTime(at, () => worker());
}

/** Four weekly classes, 09:00–10:30 Beijing time, the first three days from now. */
function weeklyTerm() {
  const first = inZone(Date.now()).add(3, 'day');
  const day = (week: number) => first.add(7 * week, 'day').format('YYYY-MM-DD');
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
  return {
    dates: [0, 1, 2, 3].map(day),
    body: {
      kind: 'senior',
      title: '八段锦（周课）',
      schoolId: 'lishu-senior-univ',
      county: '梨树县',
      place: { township: '梨树镇', address: '梨树县老年大学一楼' },
      startsAt: at(day(0), '09:00'),
      endsAt: at(day(3), '10:30'),
      schedule: {
        weekday: first.day() === 0 ? 7 : first.day(),
        startTime: '09:00',
        endTime: '10:30',
        firstDate: day(0),
        lastDate: day(3),
      },
      capacity: 2,
      signupOpensAt: toIso(Date.now() - HOUR),
      signupClosesAt: toIso(Date.now() + 2 * 24 * HOUR),
    },
  };
}

/** The outbox items of one sign-up, as stored: kind, what it is about, status. */
async function outboxOf(signupId: string): Promise<string[]> {
  return (await stores.outbox.list(signupId)).map(
    (m) => `${m.kind}${m.about ? `#${m.about}` : ''}:${m.status}`,
  );
}

const to = (userId: string) => sent.filter((s) => s.touser === `local:${userId}`);

describe('a weekly term: reminders before every class, and a class moved or cancelled', () => {
  it('reminds subscribers before each class, tells everyone of each change once, and follows the new time', async () => {
    const { dates, body } = weeklyTerm();
    const published = await api.call('POST', '/staff/activities', { ...STAFF, body });
    expect(published.status).toBe(201);
    const activityId = published.body.id as string;
    expect(published.body.sessions).toHaveLength(4);

    const users = ['wk-subscribed', 'wk-never', 'wk-waiting'];
    for (const u of users) await api.call('POST', '/auth/login', { body: { code: `dev:${u}` } });
    const { templates } = (await api.call('GET', '/me/subscriptions', { user: users[0] })).body as {
      templates: Record<'reminder' | 'result' | 'cancelled', string>;
    };
    for (const u of [users[0], users[2]]) {
      for (let i = 0; i < 6; i++) {
        await api.call('POST', '/me/subscriptions', {
          user: u,
          body: { accepted: [templates.reminder, templates.cancelled] },
        });
      }
    }
    const signups: string[] = [];
    for (const [i, u] of users.entries()) {
      const made = await api.call('POST', '/signups', {
        user: u,
        body: { activityId, attendee: { ...attendee(4200 + i, {}), birthYear: 1956 } },
      });
      expect(made.status).toBe(201);
      signups.push(made.body.id as string);
    }
    expect((await stores.signups.listForActivity(activityId)).map((s) => s.status).sort()).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);

    // Through the first two classes: the first's two reminders, the second's one, to the subscriber only.
    const start = (date: string) => Date.parse(`${date}T09:00:00+08:00`);
    await runHourly(Date.now(), start(dates[1] as string) + 2 * HOUR);
    expect(to(users[0] as string).map((m) => m.data.phrase5?.value)).toEqual([
      '明天开课，请准时参加',
      '两小时后开始，请准时到场',
      '第2次课就要到了，请准时参加',
    ]);
    expect(to(users[2] as string)).toEqual([]);
    expect(await outboxOf(signups[1] as string)).toEqual([
      'reminder-24h:not-subscribed',
      'reminder-2h:not-subscribed',
      'session-reminder#s1:not-subscribed',
    ]);

    const staffAt = start(dates[1] as string) + 3 * HOUR;
    const path = `/staff/activities/${activityId}/sessions/2` as const;
    const moveTo = {
      startsAt: `${dates[2]}T14:00:00+08:00`,
      endsAt: `${dates[2]}T15:30:00+08:00`,
    };
    // Only the organising school's staff; what the body gets wrong is named.
    expect((await api.call('PATCH', path, { ...OTHER_STAFF, body: moveTo })).status).toBe(403);
    const backwards = await api.call('PATCH', path, {
      ...STAFF,
      body: { startsAt: moveTo.endsAt, endsAt: moveTo.startsAt },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ field: 'endsAt', message: '结束时间应晚于开始时间' }]);
    const noReason = await api.call('PATCH', path, { ...STAFF, body: { cancelled: true } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const bogus = await api.call('PATCH', path, { ...STAFF, body: { ...moveTo, capacity: 3 } });
    expect(bogus.status).toBe(400);
    expect(
      (await api.call('PATCH', `/staff/activities/${activityId}/sessions/9`, { ...STAFF, body: moveTo })).body
        .error.code,
    ).toBe('SESSION_NOT_FOUND');
    expect(
      (await api.call('PATCH', `/staff/activities/${activityId}/sessions/x`, { ...STAFF, body: moveTo }))
        .status,
    ).toBe(404);

    // 调课: the third class moves to the afternoon of its day.
    const moved = await atTime(staffAt, () => api.call('PATCH', path, { ...STAFF, body: moveTo }));
    expect(moved.status).toBe(200);
    expect(moved.body.sessions[2]).toMatchObject(moveTo);
    const audit = await stores.audit.list(undefined, 1);
    expect(audit.items[0]).toMatchObject({ action: 'revise-session', target: `activity:${activityId}` });

    sent.length = 0;
    await atTime(staffAt + 60_000, () => worker());
    await atTime(staffAt + 120_000, () => worker());
    const changedText = `第3次课改到${inZone(moveTo.startsAt).format('M月D日 HH:mm')}`;
    for (const signupId of signups) {
      expect((await outboxOf(signupId)).filter((m) => m.startsWith('session-changed'))).toHaveLength(1);
    }
    expect(await outboxOf(signups[0] as string)).toContain('session-changed#s2#c1:sent');
    expect(await outboxOf(signups[1] as string)).toContain('session-changed#s2#c1:not-subscribed');
    expect(await outboxOf(signups[2] as string)).toContain('session-changed#s2#c1:sent');
    expect(
      sent.map((m) => [m.touser, m.template_id, m.data.phrase5?.value, m.data.time2?.value]).sort(),
    ).toEqual(
      [users[0], users[2]]
        .map((u) => [
          `local:${u}`,
          templates.cancelled,
          changedText,
          inZone(moveTo.startsAt).format('YYYY年M月D日 HH:mm'),
        ])
        .sort(),
    );

    // 停课: the last class, with a reason; everyone signed up is told once, however often the worker runs.
    const cancelled = await atTime(staffAt + HOUR, () =>
      api.call('PATCH', `/staff/activities/${activityId}/sessions/3`, {
        ...STAFF,
        body: { cancelled: true, reason: '老师外出培训' },
      }),
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.sessions[3]).toMatchObject({ cancelled: true, cancelReason: '老师外出培训' });
    expect(cancelled.body.endsAt).toBe(moveTo.endsAt);
    sent.length = 0;
    for (let i = 1; i <= 3; i++) await atTime(staffAt + HOUR + i * 60_000, () => worker());
    const cancelText = `${inZone(`${dates[3]}T09:00:00+08:00`).format('M月D日')}的课停课：老师外出培训`;
    for (const signupId of signups) {
      const notices = (await table.scan()).filter(
        (i) => i.type === 'outbox' && i.signupId === signupId && i.kind === 'session-cancelled',
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]?.about).toBe('s3#c2');
    }
    expect(sent.map((m) => [m.touser, m.data.phrase5?.value]).sort()).toEqual([
      [`local:${users[0]}`, cancelText],
      [`local:${users[2]}`, cancelText],
    ]);

    // The moved class's reminder goes the day before its new time, not its old one; the cancelled class has none.
    sent.length = 0;
    await runHourly(staffAt + 2 * HOUR, start(dates[3] as string) + 2 * HOUR);
    expect(sent.map((m) => [m.touser, m.data.phrase5?.value, m.data.time2?.value])).toEqual([
      [
        `local:${users[0]}`,
        '第3次课就要到了，请准时参加',
        inZone(moveTo.startsAt).format('YYYY年M月D日 HH:mm'),
      ],
    ]);
    const reminded = (await stores.outbox.list(signups[0] as string)).find(
      (m) => m.kind === 'session-reminder' && m.about === 's2',
    );
    expect(Date.parse(reminded?.sentAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(moveTo.startsAt) - 24 * HOUR,
    );
    expect((await stores.activities.get(activityId))?.wakeAt).toBeNull();

    // No check-in on a cancelled class.
    const ticked = await atTime(start(dates[3] as string), () =>
      api.call('POST', `/staff/activities/${activityId}/attendance`, {
        ...STAFF,
        body: { signupId: signups[0], sessionDate: dates[3] },
      }),
    );
    expect(ticked.status).toBe(409);
    expect(ticked.body.error.code).toBe('SESSION_CANCELLED');
  });

  it('keeps the whole activity’s cancellation working after its classes changed', async () => {
    const { body } = weeklyTerm();
    const activityId = (
      await api.call('POST', '/staff/activities', { ...STAFF, body: { ...body, title: '太极扇' } })
    ).body.id as string;
    await api.call('POST', '/auth/login', { body: { code: 'dev:wk-whole' } });
    const made = await api.call('POST', '/signups', {
      user: 'wk-whole',
      body: { activityId, attendee: { ...attendee(4300, {}), birthYear: 1950 } },
    });
    expect(
      (
        await api.call('PATCH', `/staff/activities/${activityId}/sessions/1`, {
          ...STAFF,
          body: { place: { township: '梨树镇', address: '文化站' } },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call('POST', `/staff/activities/${activityId}/cancel`, {
          ...STAFF,
          body: { reason: '场地维修' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call('PATCH', `/staff/activities/${activityId}/sessions/2`, {
          ...STAFF,
          body: { cancelled: true, reason: '临时有事' },
        })
      ).body.error.code,
    ).toBe('ACTIVITY_CANCELLED');
    await worker();
    await worker();
    expect(await outboxOf(made.body.id as string)).toEqual(['activity-cancelled:not-subscribed']);
    expect((await stores.activities.get(activityId))?.wakeAt).toBeNull();
  });
});
