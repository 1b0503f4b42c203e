import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';
import { attendee, STAFF_LISHU, STAFF_SHUANGLIAO, publishSoon as publishSoonWith } from '../support/fixtures';
import { dayjs, inZone, toIso } from '../../shared/time';

/**
 * Attendance without the attendee's phone (issue 15): staff tick confirmed people off the roster, and record
 * someone who turned up unannounced as a walk-in, confirmed and checked in at once. Both keep the QR
 * check-in's window and school scope, and both count in 培训人次.
 */
useSeededTable();
const api = handlerApi();
const CADRE = 'village-cadre-tick';

/** An activity starting in half an hour, so its check-in window is open now. */
const publishSoon = (overrides: Record<string, unknown> = {}) => publishSoonWith(api, overrides);

async function signUp(activityId: string, i: number, user = CADRE) {
  const res = await api.call('POST', '/signups', { user, body: { activityId, attendee: attendee(i) } });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

const tick = (activityId: string, signupId: string, as = STAFF_SHUANGLIAO, sessionDate?: string) =>
  api.call('POST', `/staff/activities/${activityId}/attendance`, {
    ...as,
    body: { signupId, ...(sessionDate ? { sessionDate } : {}) },
  });

const roster = async (activityId: string) =>
  (await api.call('GET', `/staff/activities/${activityId}/signups`, STAFF_SHUANGLIAO)).body.items as Array<{
    id: string;
    status: string;
    checkInCount: number;
    walkIn?: boolean;
    attendee: { name: string };
  }>;

async function headcount(): Promise<number> {
  const stats = await api.call('GET', '/staff/stats', {
    ...STAFF_SHUANGLIAO,
    query: { year: String(inZone().year()) },
  });
  return stats.body.schools.find((s: { schoolId: string }) => s.schoolId === 'shuangliao-vocational')
    .headcount as number;
}

describe('名单签到: ticking off the roster', () => {
  it('checks in the villagers a cadre signed up, once each, audited with who ticked', async () => {
    const activityId = await publishSoon();
    const first = await signUp(activityId, 1);
    const second = await signUp(activityId, 2);
    const res = await tick(activityId, first.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signupId: first.id, session: { index: 0 } });
    const again = await tick(activityId, first.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_CHECKED_IN');
    // The day may be named; the session is the same one.
    const today = inZone(dayjs().add(30, 'minute')).format('YYYY-MM-DD');
    expect((await tick(activityId, second.id, STAFF_SHUANGLIAO, today)).status).toBe(200);
    const rows = await roster(activityId);
    expect(rows.filter((r) => r.checkInCount === 1).map((r) => r.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    const audit = await api.call('GET', '/staff/audit', { user: 'admin', query: { limit: '20' } });
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'tick-off',
          actor: STAFF_SHUANGLIAO.user,
          target: `signup:${first.id}`,
        }),
      ]),
    );
  });

  it('another school’s staff get 403, and nothing is recorded', async () => {
    const activityId = await publishSoon();
    const s = await signUp(activityId, 3);
    const res = await tick(activityId, s.id, STAFF_LISHU);
    expect(res.status).toBe(403);
    expect((await roster(activityId)).find((r) => r.id === s.id)?.checkInCount).toBe(0);
  });

  it('outside the check-in window it is refused, and the message says when the window is', async () => {
    const activityId = await publishSoon({
      startsAt: toIso(dayjs().add(3, 'day')),
      endsAt: toIso(dayjs().add(3, 'day').add(2, 'hour')),
      signupClosesAt: toIso(dayjs().add(2, 'day')),
    });
    const s = await signUp(activityId, 4);
    const res = await tick(activityId, s.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OUTSIDE_CHECK_IN_WINDOW');
    expect(res.body.error.message).toMatch(/签到时间为 \d+月\d+日 \d\d:\d\d 至/);
  });

  it('a waitlisted person cannot be ticked off; a sign-up of another activity is not found', async () => {
    const activityId = await publishSoon({ capacity: 1 });
    await signUp(activityId, 5);
    const waiting = await signUp(activityId, 6);
    expect(waiting.status).toBe('waitlisted');
    const res = await tick(activityId, waiting.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SIGNUP_NOT_CONFIRMED');
    const other = await publishSoon();
    expect((await tick(other, waiting.id)).status).toBe(404);
    const noSuchDay = await tick(activityId, waiting.id, STAFF_SHUANGLIAO, '2020-01-01');
    expect(noSuchDay.status).toBe(409);
  });
});

describe('现场报名: walk-ins', () => {
  const walkIn = (activityId: string, body: Record<string, unknown>, as = STAFF_SHUANGLIAO) =>
    api.call('POST', `/staff/activities/${activityId}/walk-ins`, { ...as, body: { attendee: body } });

  it('a walk-in is confirmed and checked in at once, and counts in 培训人次', async () => {
    const before = await headcount();
    const activityId = await publishSoon({ capacity: 2 });
    const res = await walkIn(activityId, { name: '孙桂芝', phone: '13604340111', village: '新发村' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', walkIn: true, attendee: { name: '孙桂芝' } });
    const row = (await roster(activityId)).find((r) => r.id === res.body.id);
    expect(row).toMatchObject({ checkInCount: 1, walkIn: true });
    expect(await headcount()).toBe(before + 1);
    // Nobody's 我的报名 lists it: the school owns it.
    expect((await api.call('GET', '/signups/mine', { user: STAFF_SHUANGLIAO.user })).body.items).toEqual([]);
  });

  it('no seat left is 409 ACTIVITY_FULL; the same person twice is a duplicate', async () => {
    const activityId = await publishSoon({ capacity: 1 });
    const one = { name: '周淑华', phone: '13604340112', village: '新发村' };
    expect((await walkIn(activityId, one)).status).toBe(201);
    const twice = await walkIn(activityId, one);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('DUPLICATE_SIGNUP');
    const full = await walkIn(activityId, { name: '吴建军', phone: '13604340113', village: '新发村' });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('ACTIVITY_FULL');
  });

  it('eligibility applies as for any sign-up, and outside the window it is refused with the window', async () => {
    const young = await publishSoon({ minAge: 50 });
    const refused = await walkIn(young, {
      name: '郑小军',
      phone: '13604340114',
      village: '新发村',
      birthYear: inZone().year() - 20,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_ELIGIBLE');
    const later = await publishSoon({
      startsAt: toIso(dayjs().add(3, 'day')),
      endsAt: toIso(dayjs().add(3, 'day').add(2, 'hour')),
      signupClosesAt: toIso(dayjs().add(2, 'day')),
    });
    const early = await walkIn(later, { name: '王淑兰', phone: '13604340115', village: '新发村' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('签到时间为');
    expect((await roster(later)).length).toBe(0);
  });

  it('another school’s staff get 403', async () => {
    const activityId = await publishSoon();
    const res = await walkIn(
      activityId,
      { name: '刘玉兰', phone: '13604340116', village: '新发村' },
      STAFF_LISHU,
    );
    expect(res.status).toBe(403);
    expect((await roster(activityId)).length).toBe(0);
  });
});
