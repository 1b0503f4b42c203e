import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { attendee } from '../support/fixtures';
import { dayjs, toIso } from '../../shared/time';

let table: Awaited<ReturnType<typeof useFreshTable>>;
let wechat: Server;
/** What the stand-in for WeChat received, and what it answers next (errcodes, consumed in order). */
const sent: Array<{ touser: string; template_id: string; data: Record<string, { value: string }> }> = [];
const nextErrcodes: number[] = [];
const api = handlerApi();
const SENIOR_STAFF = { user: 'staff-lishu-senior-univ', roles: [] };
const OUTREACH_STAFF = { user: 'staff-shuangliao-vocational', roles: [] };

beforeAll(async () => {
  wechat = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      res.end(JSON.stringify({ access_token: 'fake-token', expires_in: 7200 }));
      return;
    }
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const errcode = nextErrcodes.shift() ?? 0;
      if (errcode === 0) sent.push(JSON.parse(body));
      res.end(JSON.stringify({ errcode, errmsg: errcode ? 'fail' : 'ok' }));
    });
  });
  await new Promise<void>((r) => wechat.listen(0, '127.0.0.1', () => r()));
  const address = wechat.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  table = await useFreshTable();
  Object.assign(process.env, {
    WECHAT_API_BASE: `http://127.0.0.1:${port}`,
    WECHAT_APP_ID: 'wx-test',
    WECHAT_APP_SECRET: 'secret',
  });
  const { seed } = await import('../../scripts/seed');
  await seed();
});

afterAll(async () => {
  await new Promise((r) => wechat.close(r));
  await table.drop();
});

function seniorClass(overrides: Record<string, unknown> = {}) {
  const now = dayjs();
  return {
    kind: 'senior',
    title: '智能手机入门（摇号）',
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学一楼' },
    startsAt: toIso(now.add(10, 'day').hour(9).minute(0).second(0)),
    endsAt: toIso(now.add(10, 'day').hour(10).minute(30).second(0)),
    capacity: 30,
    signupOpensAt: toIso(now.subtract(1, 'hour')),
    signupClosesAt: toIso(now.add(5, 'day')),
    minAge: 50,
    ...overrides,
  };
}

async function publish(body: Record<string, unknown>, staff = SENIOR_STAFF): Promise<string> {
  const res = await api.call('POST', '/staff/activities', { ...staff, body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const elder = (i: number, extra: Record<string, unknown> = {}) => ({
  ...attendee(i, {}),
  birthYear: 1955,
  ...extra,
});

describe('lottery', () => {
  it('draws 30 of 200 applicants verifiably and waitlists the rest in drawn order', async () => {
    const activityId = await publish(seniorClass({ enrolment: 'lottery' }));
    const before = await api.call('GET', `/activities/${activityId}/draw`);
    expect(before.body).toMatchObject({ seed: null, order: [] });
    expect(before.body.commitment).toMatch(/^[0-9a-f]{64}$/);

    const applied = [];
    for (let batch = 0; batch < 4; batch++) {
      applied.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) => {
            const i = batch * 50 + j;
            return api.call('POST', '/signups', {
              user: `applicant-${i}`,
              body: { activityId, attendee: elder(1000 + i) },
            });
          }),
        )),
      );
    }
    expect(applied.every((r) => r.status === 201 && r.body.status === 'applied')).toBe(true);
    const untouched = (await table.scan()).find(
      (i) => i.PK === `ACTIVITY#${activityId}` && i.SK === 'ACTIVITY',
    );
    expect(untouched).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });

    expect(
      (await api.call('POST', `/staff/activities/${activityId}/draw`, { ...OUTREACH_STAFF })).status,
    ).toBe(403);
    const drawn = await api.call('POST', `/staff/activities/${activityId}/draw`, { ...SENIOR_STAFF });
    expect(drawn.status).toBe(200);
    expect(
      (await api.call('POST', `/staff/activities/${activityId}/draw`, { ...SENIOR_STAFF })).body.error.code,
    ).toBe('ALREADY_DRAWN');

    const view = (await api.call('GET', `/activities/${activityId}/draw`)).body;
    expect(createHash('sha256').update(view.seed).digest('hex')).toBe(before.body.commitment);
    // Recompute the order from the revealed seed and the applicants' ids, as docs/rules.md describes.
    const ids = applied.map((r) => r.body.id as string);
    const ticket = (id: string) => createHmac('sha256', view.seed).update(id).digest('hex');
    const expected = [...ids].sort((a, b) => ticket(a).localeCompare(ticket(b)) || a.localeCompare(b));
    expect(view.order.map((o: { signupId: string }) => o.signupId)).toEqual(expected);
    expect(view.order[0].name).toMatch(/\*/);

    const items = await table.scan();
    const signups = items.filter((i) => i.type === 'signup' && i.activityId === activityId);
    expect(
      signups
        .filter((s) => s.status === 'confirmed')
        .map((s) => s.id)
        .sort(),
    ).toEqual(expected.slice(0, 30).sort());
    expect(signups.filter((s) => s.status === 'waitlisted')).toHaveLength(170);
    const activity = items.find((i) => i.PK === `ACTIVITY#${activityId}` && i.SK === 'ACTIVITY');
    expect(activity).toMatchObject({ confirmedCount: 30, waitlistCount: 170 });

    const index31 = applied.find((r) => r.body.id === expected[30]);
    const user31 = (index31 && `applicant-${applied.indexOf(index31)}`) as string;
    const first = await api.call('GET', `/signups/${expected[30]}`, { user: user31 });
    expect(first.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const winner = applied.find((r) => r.body.id === expected[0]);
    await api.call('DELETE', `/signups/${expected[0]}`, {
      user: `applicant-${applied.indexOf(winner as never)}`,
    });
    expect((await api.call('GET', `/signups/${expected[30]}`, { user: user31 })).body.status).toBe(
      'confirmed',
    );
  });
});

describe('family and group sign-up', () => {
  it('lets a grandson enrol both grandparents with one phone, each shown as whose it is', async () => {
    const activityId = await publish(seniorClass({ title: '书法班', capacity: 10 }));
    const phone = '13904341234';
    for (const m of [
      { name: '王秀兰', phone, birthYear: 1952, relation: '祖母' },
      { name: '李德福', phone, birthYear: 1950, relation: '祖父' },
    ]) {
      expect((await api.call('POST', '/family-members', { user: 'grandson', body: m })).status).toBe(201);
    }
    const members = (await api.call('GET', '/family-members', { user: 'grandson' })).body.items;
    expect(members).toHaveLength(2);
    expect((await api.call('GET', '/family-members', { user: 'stranger' })).body.items).toEqual([]);
    for (const m of members) {
      const res = await api.call('POST', '/signups', {
        user: 'grandson',
        body: {
          activityId,
          attendee: { name: m.name, phone: m.phone, birthYear: m.birthYear, relation: m.relation },
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('confirmed');
    }
    const mine = (await api.call('GET', '/signups/mine', { user: 'grandson' })).body.items;
    expect(mine.map((s: { attendee: { relation: string } }) => s.attendee.relation).sort()).toEqual(
      ['祖母', '祖父'].sort(),
    );
    const removed = await api.call('DELETE', `/family-members/${members[0].id}`, { user: 'grandson' });
    expect(removed.status).toBe(204);
    expect((await api.call('DELETE', `/family-members/${members[0].id}`, { user: 'grandson' })).status).toBe(
      404,
    );
  });

  it('signs up a cadre’s list of 50 with 5 non-residents refused, and a replay adds nobody', async () => {
    const now = dayjs();
    const activityId = await publish(
      {
        kind: 'outreach',
        title: '玉米保护性耕作现场课',
        schoolId: 'shuangliao-vocational',
        county: '双辽市',
        place: { township: '茂林镇', village: '新发村', address: '村委会' },
        startsAt: toIso(now.add(6, 'day')),
        endsAt: toIso(now.add(6, 'day').add(3, 'hour')),
        capacity: 40,
        signupOpensAt: toIso(now.subtract(1, 'hour')),
        signupClosesAt: toIso(now.add(5, 'day')),
        residentsOnly: true,
      },
      OUTREACH_STAFF,
    );
    const list = Array.from({ length: 50 }, (_, i) => ({
      ...attendee(2000 + i),
      residence: i % 10 === 9 ? '梨树县' : '双辽市',
      relation: '村民',
    }));
    const headers = { 'Idempotency-Key': 'cadre-list-0001' };
    const res = await api.call('POST', '/signups/batch', {
      user: 'cadre',
      body: { activityId, attendees: list },
      headers,
    });
    expect(res.status).toBe(200);
    const results = res.body.results as Array<{ status?: string; error?: { code: string; rule: string } }>;
    expect(results).toHaveLength(50);
    expect(
      results.filter((r) => r.error?.code === 'NOT_ELIGIBLE' && r.error.rule === 'residentsOnly'),
    ).toHaveLength(5);
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(40);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(5);
    const replay = await api.call('POST', '/signups/batch', {
      user: 'cadre',
      body: { activityId, attendees: list },
      headers,
    });
    expect(replay.body.results.map((r: { signupId?: string }) => r.signupId)).toEqual(
      results.map((r) => (r as { signupId?: string }).signupId),
    );
    const stored = (await table.scan()).filter((i) => i.type === 'signup' && i.activityId === activityId);
    expect(stored).toHaveLength(45);
    const tooMany = await api.call('POST', '/signups/batch', {
      user: 'cadre',
      body: { activityId, attendees: [...list, attendee(1)] },
    });
    expect(tooMany.status).toBe(400);
  });
});

describe('eligibility over HTTP', () => {
  it.each([
    [{ birthYear: 1990 }, 'minAge'],
    [{ birthYear: 1940 }, 'familyConsent'],
  ])('refuses %j with 422 NOT_ELIGIBLE naming %s', async (extra, rule) => {
    const activityId = await publish(seniorClass({ consentAboveAge: 80, title: `太极 ${rule}` }));
    const res = await api.call('POST', '/signups', {
      user: 'elig',
      body: { activityId, attendee: { ...attendee(3000), ...extra } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', rule });
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('admits a 86-year-old with family consent and records the consent', async () => {
    const activityId = await publish(seniorClass({ consentAboveAge: 80, title: '合唱团' }));
    const res = await api.call('POST', '/signups', {
      user: 'elig-ok',
      body: {
        activityId,
        attendee: { ...attendee(3001), birthYear: dayjs().year() - 86, familyConsent: true },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.attendee.familyConsent).toBe(true);
  });

  it('refuses a second seat that overlaps in time, naming the other activity', async () => {
    const a = await publish(seniorClass({ title: '上午书法' }));
    const b = await publish(seniorClass({ title: '上午国画' }));
    expect(
      (await api.call('POST', '/signups', { user: 'busy', body: { activityId: a, attendee: elder(3100) } }))
        .status,
    ).toBe(201);
    const clash = await api.call('POST', '/signups', {
      user: 'busy',
      body: { activityId: b, attendee: elder(3100) },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('TIME_CONFLICT');
    expect(clash.body.error.message).toContain('上午书法');
  });

  it('offers, not confirms, a freed seat to someone who took an overlapping one while waiting', async () => {
    const a = await publish(seniorClass({ title: '上午太极', capacity: 1 }));
    const b = await publish(seniorClass({ title: '上午合唱' }));
    const holder = await api.call('POST', '/signups', {
      user: 'taiji-1',
      body: { activityId: a, attendee: elder(3250) },
    });
    const waiting = await api.call('POST', '/signups', {
      user: 'both',
      body: { activityId: a, attendee: elder(3251) },
    });
    expect(waiting.body.status).toBe('waitlisted');
    // Waiting holds no seat, so an overlapping class is allowed meanwhile.
    const other = await api.call('POST', '/signups', {
      user: 'both',
      body: { activityId: b, attendee: elder(3251) },
    });
    expect(other.body.status).toBe('confirmed');

    expect((await api.call('DELETE', `/signups/${holder.body.id}`, { user: 'taiji-1' })).status).toBe(200);
    const offered = await api.call('GET', `/signups/${waiting.body.id}`, { user: 'both' });
    expect(offered.body.status).toBe('offered');
    expect(typeof offered.body.offerExpiresAt).toBe('string');

    const refused = await api.call('POST', `/signups/${waiting.body.id}/accept`, { user: 'both' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TIME_CONFLICT');
    expect(refused.body.error.message).toContain('上午合唱');

    expect((await api.call('DELETE', `/signups/${other.body.id}`, { user: 'both' })).status).toBe(200);
    const accepted = await api.call('POST', `/signups/${waiting.body.id}/accept`, { user: 'both' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('confirmed');
  });

  it('limits classes per term and frees the place when one is cancelled', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const day = dayjs().add(10 + i, 'day');
      ids.push(
        await publish(
          seniorClass({
            title: `春季课 ${i}`,
            term: '2027春',
            termLimit: 2,
            startsAt: toIso(day.hour(9)),
            endsAt: toIso(day.hour(10)),
          }),
        ),
      );
    }
    const made = [];
    for (const activityId of ids.slice(0, 2)) {
      made.push(
        await api.call('POST', '/signups', { user: 'keen', body: { activityId, attendee: elder(3200) } }),
      );
    }
    const third = await api.call('POST', '/signups', {
      user: 'keen',
      body: { activityId: ids[2], attendee: elder(3200) },
    });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('TERM_LIMIT_REACHED');
    await api.call('DELETE', `/signups/${made[0]?.body.id}`, { user: 'keen' });
    expect(
      (
        await api.call('POST', '/signups', {
          user: 'keen',
          body: { activityId: ids[2], attendee: elder(3200) },
        })
      ).status,
    ).toBe(201);
  });
});

describe('deadlines and offers', () => {
  it('stops a user cancelling a seat after the deadline but lets staff, and lets a waitlisted person leave', async () => {
    const now = dayjs();
    const activityId = await publish(
      seniorClass({
        capacity: 1,
        cancelDeadlineHours: 24,
        startsAt: toIso(now.add(12, 'hour')),
        endsAt: toIso(now.add(14, 'hour')),
        signupClosesAt: toIso(now.add(6, 'hour')),
      }),
    );
    const seat = await api.call('POST', '/signups', {
      user: 'late-a',
      body: { activityId, attendee: elder(3300) },
    });
    const wait = await api.call('POST', '/signups', {
      user: 'late-b',
      body: { activityId, attendee: elder(3301) },
    });
    const refused = await api.call('DELETE', `/signups/${seat.body.id}`, { user: 'late-a' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CANCEL_DEADLINE_PASSED');
    expect((await api.call('DELETE', `/signups/${wait.body.id}`, { user: 'late-b' })).status).toBe(200);
    const byStaff = await api.call('POST', `/staff/signups/${seat.body.id}/cancel`, { ...SENIOR_STAFF });
    expect(byStaff.body.status).toBe('cancelled');
    expect(
      (await api.call('POST', `/staff/signups/${seat.body.id}/cancel`, { ...OUTREACH_STAFF })).status,
    ).toBe(403);
  });

  it('offers a freed seat to the next person, who confirms it with 确认参加', async () => {
    const activityId = await publish(
      seniorClass({ capacity: 1, waitlist: 'offer', offerHours: 12, title: '摄影班' }),
    );
    const a = await api.call('POST', '/signups', {
      user: 'offer-a',
      body: { activityId, attendee: elder(3400) },
    });
    const b = await api.call('POST', '/signups', {
      user: 'offer-b',
      body: { activityId, attendee: elder(3401) },
    });
    expect(
      (await api.call('POST', `/signups/${b.body.id}/accept`, { user: 'offer-b' })).body.error.code,
    ).toBe('NOT_OFFERED');
    await api.call('DELETE', `/signups/${a.body.id}`, { user: 'offer-a' });
    const offered = await api.call('GET', `/signups/${b.body.id}`, { user: 'offer-b' });
    expect(offered.body.status).toBe('offered');
    expect(Date.parse(offered.body.offerExpiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect((await api.call('POST', `/signups/${b.body.id}/accept`, { user: 'offer-a' })).status).toBe(404);
    const accepted = await api.call('POST', `/signups/${b.body.id}/accept`, { user: 'offer-b' });
    expect(accepted.body.status).toBe('confirmed');
    const activity = (await table.scan()).find(
      (i) => i.PK === `ACTIVITY#${activityId}` && i.SK === 'ACTIVITY',
    );
    expect(activity).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
  });

  it('passes an unclaimed offer on when it expires', async () => {
    const activityId = await publish(
      seniorClass({ capacity: 1, waitlist: 'offer', offerHours: 1, title: '剪纸班' }),
    );
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await api.call('POST', '/signups', {
            user: `exp-${i}`,
            body: { activityId, attendee: elder(3500 + i) },
          })
        ).body.id,
      );
    await api.call('DELETE', `/signups/${ids[0]}`, { user: 'exp-0' });
    const { expireOffers } = await import('../../functions/domain/signups/signups');
    const { stores } = await import('../../functions/store');
    const later = { now: () => Date.now() + 2 * 3600_000 };
    const activity = await stores.activities.get(activityId);
    expect(await expireOffers({ ...stores, clock: later }, activity as never)).toBe(1);
    expect((await stores.signups.get(ids[1]))?.status).toBe('expired');
    expect((await stores.signups.get(ids[2]))?.status).toBe('offered');
    const { checkConsistency } = await import('../../functions/store/consistency');
    expect((await checkConsistency()).mismatches).toEqual([]);
  });

  it('holds the seat only until the class begins, then passes it on', async () => {
    const now = dayjs();
    const startsAt = toIso(now.add(3, 'hour').second(0).millisecond(0));
    const activityId = await publish(
      seniorClass({
        capacity: 1,
        waitlist: 'offer',
        offerHours: 24,
        title: '书法班',
        startsAt,
        endsAt: toIso(now.add(5, 'hour')),
        signupClosesAt: toIso(now.add(2, 'hour')),
      }),
    );
    // One after another: the first takes the seat, the next two wait in that order.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.call('POST', '/signups', {
        user: `near-${i}`,
        body: { activityId, attendee: elder(3600 + i) },
      });
      ids.push(res.body.id as string);
    }
    const [first, second, third] = ids as [string, string, string];
    await api.call('DELETE', `/signups/${first}`, { user: 'near-0' });
    const offered = await api.call('GET', `/signups/${second}`, { user: 'near-1' });
    expect(offered.body.status).toBe('offered');
    expect(Date.parse(offered.body.offerExpiresAt)).toBe(Date.parse(startsAt));

    const { expireOffers } = await import('../../functions/domain/signups/signups');
    const { stores } = await import('../../functions/store');
    const during = { now: () => Date.parse(startsAt) + 60_000 };
    const activity = await stores.activities.get(activityId);
    expect(await expireOffers({ ...stores, clock: during }, activity as never)).toBe(1);
    expect((await stores.signups.get(second))?.status).toBe('expired');
    expect((await stores.signups.get(third))?.status).toBe('offered');
    const { checkConsistency } = await import('../../functions/store/consistency');
    expect((await checkConsistency()).mismatches).toEqual([]);
  });
});

describe('reminders through the outbox', () => {
  it('sends each message once, retries on -1 and stops a template after 43101', async () => {
    const now = dayjs();
    const activityId = await publish(
      seniorClass({
        title: '提醒测试课',
        startsAt: toIso(now.add(20, 'hour')),
        endsAt: toIso(now.add(21, 'hour')),
        signupClosesAt: toIso(now.add(10, 'hour')),
      }),
    );
    for (const u of ['remind-me', 'remind-retry', 'remind-refuse', 'remind-never']) {
      await api.call('POST', '/auth/login', { body: { code: `dev:${u}` } });
    }
    const subs = await api.call('GET', '/me/subscriptions', { user: 'remind-me' });
    const reminder = subs.body.templates.reminder as string;
    expect(
      (await api.call('POST', '/me/subscriptions', { user: 'remind-me', body: { accepted: ['bogus'] } }))
        .status,
    ).toBe(400);
    await api.call('POST', '/me/subscriptions', { user: 'remind-me', body: { accepted: [reminder] } });
    await api.call('POST', '/me/subscriptions', { user: 'remind-retry', body: { accepted: [reminder] } });
    await api.call('POST', '/me/subscriptions', {
      user: 'remind-refuse',
      body: { accepted: [reminder, reminder] },
    });
    const one = await api.call('POST', '/signups', {
      user: 'remind-me',
      body: { activityId, attendee: elder(3600) },
    });
    await api.call('POST', '/signups', { user: 'remind-retry', body: { activityId, attendee: elder(3601) } });
    await api.call('POST', '/signups', {
      user: 'remind-refuse',
      body: { activityId, attendee: elder(3602) },
    });
    await api.call('POST', '/signups', { user: 'remind-never', body: { activityId, attendee: elder(3603) } });

    const { handler } = await import('../../functions/handlers/rules-worker');
    const { stores } = await import('../../functions/store');
    // Signed up inside the 24-hour window: each seat's own transaction queued its reminder.
    const queued = (await stores.outbox.due(toIso(Date.now()), 1000)).filter(
      (m) => m.activityId === activityId,
    );
    expect(queued.map((m) => m.kind)).toEqual(Array(4).fill('reminder-24h'));
    nextErrcodes.push(0, -1, 43101);
    sent.length = 0;
    // The order WeChat answers in follows the outbox's order; fix it by user to read the results.
    await handler();
    const mine = await stores.outbox.list(one.body.id);
    expect(mine.map((m) => m.kind)).toEqual(['reminder-24h']);
    const statuses = Object.fromEntries(
      await Promise.all(
        ['remind-me', 'remind-retry', 'remind-refuse', 'remind-never'].map(async (u) => {
          const s = (await table.scan()).find(
            (i) => i.type === 'outbox' && i.userId === u && i.activityId === activityId,
          );
          return [u, `${s?.status}:${s?.attempts}:${s?.lastError ?? ''}`];
        }),
      ),
    );
    expect(statuses['remind-never']).toBe('not-subscribed:1:');
    const outcomes = ['remind-me', 'remind-retry', 'remind-refuse'].map((u) => statuses[u]);
    expect(outcomes.filter((o) => o === 'sent:1:')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'pending:1:-1')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused:1:43101')).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.template_id).toBe(reminder);
    expect(sent[0]?.data.thing1?.value).toBe('提醒测试课');

    // Nothing is sent twice: a second run finds every message already in the outbox.
    const second = await handler();
    expect(second.sent).toBe(0);
    expect(sent).toHaveLength(1);

    // The retry goes out once its back-off has passed.
    const { deliverDue } = await import('../../functions/domain/messaging/notify');
    const later = { now: () => Date.now() + 5 * 60_000 };
    const messenger = {
      templates: { reminder, result: 'r', cancelled: 'c' },
      send: async () => 0,
      recipient: (u: { id: string }) => `local:${u.id}`,
    };
    const retried = await deliverDue(
      { ...stores, clock: later, activity: (id: string) => stores.activities.get(id) },
      messenger,
    );
    expect(retried.sent).toBe(1);
    const refusedUser = ['remind-me', 'remind-retry', 'remind-refuse'][
      outcomes.indexOf('refused:1:43101')
    ] as string;
    expect(await stores.subscriptions.consume(refusedUser, reminder)).toBe(false);
  });
});
