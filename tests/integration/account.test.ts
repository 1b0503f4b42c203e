import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { bearer, httpEvent } from '../support/events';
import { outreachBody, STAFF_SHUANGLIAO } from '../support/fixtures';
import { dayjs, inZone, toIso } from '../../shared/time';

/**
 * A user's data (issue 15, PIPL Art. 45 and 47): GET /me/export hands over everything stored about the caller;
 * DELETE /me closes the account. Afterwards the caller's tokens answer 401, their seats ahead go to the
 * waitlist, their name and phone are gone from rosters, CSVs and logs (已注销用户), and attendance already
 * counted stays counted.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
const PHONE = '13604349876';
const GRANDPA = { name: '赵德福', phone: PHONE, village: '新发村' };
const logged: string[] = [];

beforeAll(async () => {
  table = await useFreshTable();
  // Everything the functions log, to look for the phone afterwards (the fresh table re-reads the configuration).
  process.env.LOG_LEVEL = 'debug';
  const { seed } = await import('../../scripts/seed');
  await seed();
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  jest.spyOn(console, 'log').mockImplementation(capture);
  jest.spyOn(console, 'error').mockImplementation(capture);
});

afterAll(async () => {
  jest.restoreAllMocks();
  await table.drop();
});

async function login(name: string) {
  const res = await api.call('POST', '/auth/login', { body: { code: `dev:${name}` } });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${res.body.token as string}` };
}

/** The roster as the CSV export answers it (not JSON, so straight from the handler). */
const roster = {
  async csv(activityId: string): Promise<string> {
    const { handler } = await import('../../functions/handlers/staff-roster');
    const raw = await handler(
      httpEvent({
        method: 'GET',
        path: `/staff/activities/${activityId}/signups`,
        pathParameters: { id: activityId },
        query: { format: 'csv' },
        headers: bearer(STAFF_SHUANGLIAO.user),
      }),
    );
    if (typeof raw !== 'object') throw new Error('expected a structured result');
    expect(raw.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    return raw.body ?? '';
  },
};

async function publish(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api.call('POST', '/staff/activities', {
    ...STAFF_SHUANGLIAO,
    body: outreachBody(overrides),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('导出我的数据 and 注销账号', () => {
  it('exports everything, then closing releases the seat to the waitlist and leaves no name or phone behind', async () => {
    const token = await login('grandpa-zhao');
    // A class under way today (attended, counted) and one ahead with a full seat and someone waiting.
    const now = dayjs();
    const today = await publish({
      startsAt: toIso(now.add(30, 'minute')),
      endsAt: toIso(now.add(150, 'minute')),
      signupClosesAt: toIso(now.add(20, 'minute')),
    });
    const ahead = await publish({ capacity: 1 });
    const attended = await api.call('POST', '/signups', {
      headers: token,
      body: { activityId: today, attendee: GRANDPA },
    });
    expect(attended.status).toBe(201);
    expect(
      (
        await api.call('POST', `/staff/activities/${today}/attendance`, {
          ...STAFF_SHUANGLIAO,
          body: { signupId: attended.body.id },
        })
      ).status,
    ).toBe(200);
    const seat = await api.call('POST', '/signups', {
      headers: token,
      body: { activityId: ahead, attendee: GRANDPA },
    });
    expect(seat.body.status).toBe('confirmed');
    const waiting = await api.call('POST', '/signups', {
      user: 'neighbour-li',
      body: { activityId: ahead, attendee: { name: '李秀珍', phone: '13604349877', village: '新发村' } },
    });
    expect(waiting.body.status).toBe('waitlisted');
    expect(
      (
        await api.call('POST', '/family-members', {
          headers: token,
          body: { name: '赵小梅', phone: '13604349878', relation: '子女' },
        })
      ).status,
    ).toBe(201);
    await api.call('POST', '/me/subscriptions', {
      headers: token,
      body: { accepted: ['local-template-reminder'] },
    });

    const exported = await api.call('GET', '/me/export', { headers: token });
    expect(exported.status).toBe(200);
    expect(exported.body.profile).toMatchObject({ userId: 'grandpa-zhao', roles: ['user'] });
    expect(exported.body.familyMembers).toEqual([
      expect.objectContaining({ name: '赵小梅', relation: '子女' }),
    ]);
    expect(exported.body.signups).toHaveLength(2);
    const attendedExport = exported.body.signups.find((s: { id: string }) => s.id === attended.body.id);
    expect(attendedExport.attendance).toEqual([{ sessionIndex: 0, checkedInAt: expect.any(String) }]);
    expect(attendedExport.activity).toMatchObject({ id: today, schoolId: 'shuangliao-vocational' });
    expect(exported.body.subscriptions).toEqual({ 'local-template-reminder': 1 });

    const year = String(inZone().year());
    const headcount = async () =>
      (await api.call('GET', '/staff/stats', { ...STAFF_SHUANGLIAO, query: { year } })).body.schools[0]
        .headcount;
    const countedBefore = await headcount();

    const closed = await api.call('DELETE', '/me', { headers: token });
    expect(closed.status).toBe(200);
    // Both seats are ahead of their activities' ends: both are given up (the check-in already made stays counted).
    expect(closed.body).toMatchObject({ released: 2, anonymized: 2 });

    // The token from before answers 401, for every route.
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', '/signups/mine'],
      ['GET', '/me/export'],
    ] as const) {
      const res = await api.call(method, path, { headers: token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('ACCOUNT_CLOSED');
    }
    // The seat went to the first person waiting.
    expect((await api.call('GET', `/signups/${waiting.body.id}`, { user: 'neighbour-li' })).body.status).toBe(
      'confirmed',
    );
    // Rosters and their CSV show 已注销用户, never the phone; the attendance still counts.
    for (const activityId of [today, ahead]) {
      const rows = await api.call('GET', `/staff/activities/${activityId}/signups`, STAFF_SHUANGLIAO);
      expect(JSON.stringify(rows.body)).not.toContain(PHONE);
      expect(JSON.stringify(rows.body)).not.toContain('赵德福');
      expect(rows.body.items.map((r: { attendee: { name: string } }) => r.attendee.name)).toContain(
        '已注销用户',
      );
      const csv = await roster.csv(activityId);
      expect(csv).toContain('已注销用户');
      expect(csv).not.toContain(PHONE);
    }
    const todayRoster = await api.call('GET', `/staff/activities/${today}/signups`, STAFF_SHUANGLIAO);
    expect(todayRoster.body.items.find((r: { id: string }) => r.id === attended.body.id).checkInCount).toBe(
      1,
    );
    expect(await headcount()).toBe(countedBefore);
    // Nothing in the table, and no log line, names the phone or the name any more (the family member is gone too).
    const rows = JSON.stringify(await table.scan());
    expect(rows).not.toContain(PHONE);
    expect(rows).not.toContain('13604349878');
    expect(rows).not.toContain('赵德福');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(PHONE);
  });

  it('a later login starts a fresh account; the old token stays refused', async () => {
    const old = await login('grandma-qian');
    expect((await api.call('DELETE', '/me', { headers: old })).status).toBe(200);
    // Tokens carry whole seconds: a login in the same second as the closing would count as before it.
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await login('grandma-qian');
    const me = await api.call('GET', '/me', { headers: fresh });
    expect(me.status).toBe(200);
    expect((await api.call('GET', '/signups/mine', { headers: fresh })).body.items).toEqual([]);
    expect((await api.call('GET', '/me', { headers: old })).status).toBe(401);
  });

  it('staff leave their schools first', async () => {
    const res = await api.call('DELETE', '/me', {
      headers: bearer(STAFF_SHUANGLIAO.user, STAFF_SHUANGLIAO.roles),
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'ACCOUNT_HAS_ROLES',
      message: expect.stringContaining('移除'),
    });
    expect((await api.call('GET', '/me', STAFF_SHUANGLIAO)).status).toBe(200);
  });
});
