import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';
import {
  attendee,
  outreachBody,
  STAFF_LISHU,
  STAFF_SHUANGLIAO,
  publishSoon as publishSoonWith,
} from '../support/fixtures';
import { dayjs, inZone, toIso } from '../../shared/time';
import { sealCheckInCode } from '../../functions/domain/attendance/check-in';
import { schools } from '../../scripts/seed/catalog';

const table = useSeededTable();
const api = handlerApi();
const SECRET = 'test-secret-for-jest-only-0123456789';

/** An activity starting in half an hour, so its check-in window is open now. */
const publishSoon = (overrides: Record<string, unknown> = {}) => publishSoonWith(api, overrides);

async function signUp(activityId: string, user: string, i: number) {
  const res = await api.call('POST', '/signups', { user, body: { activityId, attendee: attendee(i) } });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

describe('check-in', () => {
  it('gives the owner a code that is not the sign-up id, and staff check in once with it', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'farmer-1', 1);
    const detail = await api.call('GET', `/signups/${signup.id}`, { user: 'farmer-1' });
    const code = detail.body.checkInCode as string;
    expect(code).toMatch(/^CK1\./);
    expect(code).not.toContain(signup.id);
    expect(detail.body.checkInSession.index).toBe(0);
    expect(detail.body.attendance).toMatchObject({ attended: 0 });

    const first = await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      signupId: signup.id,
      attendee: { name: attendee(1).name },
      session: { index: 0 },
    });

    const again = await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_CHECKED_IN');
    const fresh = await api.call('GET', `/signups/${signup.id}`, { user: 'farmer-1' });
    const second = await api.call('POST', '/staff/check-ins', {
      ...STAFF_SHUANGLIAO,
      body: { code: fresh.body.checkInCode },
    });
    expect(second.status).toBe(409);
    expect(fresh.body.attendance).toMatchObject({ attended: 1 });
    expect(fresh.body.attendance.sessions[0].checkedInAt).toMatch(/\+08:00$/);

    const activity = await api.call('GET', `/activities/${activityId}`);
    expect(activity.body.checkInCount).toBe(1);
  });

  it('refuses forged, expired and other schools’ codes', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'farmer-2', 2);
    const { body } = await api.call('GET', `/signups/${signup.id}`, { user: 'farmer-2' });
    const code = body.checkInCode as string;

    const tampered = `${code.slice(0, -4)}${code.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of [
      tampered,
      `CK1.${'x'.repeat(60)}`,
      sealCheckInCode('another-secret-entirely-0123456789', {
        signupId: signup.id,
        sessionIndex: 0,
        expiresAt: 9e9,
      }),
    ]) {
      const res = await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code: bad } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_CODE');
    }
    const expired = sealCheckInCode(SECRET, {
      signupId: signup.id,
      sessionIndex: 0,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    expect(
      (await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code: expired } })).body
        .error.code,
    ).toBe('INVALID_CODE');
    const wrongSession = sealCheckInCode(SECRET, { signupId: signup.id, sessionIndex: 5, expiresAt: 9e9 });
    expect(
      (await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code: wrongSession } }))
        .status,
    ).toBe(400);

    const elsewhere = await api.call('POST', '/staff/check-ins', { ...STAFF_LISHU, body: { code } });
    expect(elsewhere.status).toBe(403);
    const notStaff = await api.call('POST', '/staff/check-ins', { user: 'farmer-2', body: { code } });
    expect(notStaff.status).toBe(403);
    const items = await table.scan();
    expect(items.filter((i) => i.type === 'check-in' && i.signupId === signup.id)).toHaveLength(0);
  });

  it('refuses the code of a cancelled sign-up, and a code before the check-in window opens', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'farmer-3', 3);
    const { body } = await api.call('GET', `/signups/${signup.id}`, { user: 'farmer-3' });
    await api.call('DELETE', `/signups/${signup.id}`, { user: 'farmer-3' });
    expect(
      (await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code: body.checkInCode } }))
        .body.error.code,
    ).toBe('INVALID_CODE');

    const later = await api.call('POST', '/staff/activities', { ...STAFF_SHUANGLIAO, body: outreachBody() });
    const s2 = await signUp(later.body.id, 'farmer-4', 4);
    const d2 = await api.call('GET', `/signups/${s2.id}`, { user: 'farmer-4' });
    const early = await api.call('POST', '/staff/check-ins', {
      ...STAFF_SHUANGLIAO,
      body: { code: d2.body.checkInCode },
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/签到时间/);
  });

  it('accepts an offline scan sent later with the time it happened', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'farmer-5', 5);
    const { body } = await api.call('GET', `/signups/${signup.id}`, { user: 'farmer-5' });
    const scannedAt = toIso(dayjs().subtract(5, 'minute'));
    const res = await api.call('POST', '/staff/check-ins', {
      ...STAFF_SHUANGLIAO,
      body: { code: body.checkInCode, scannedAt },
    });
    expect(res.status).toBe(200);
    expect(res.body.checkedInAt).toBe(scannedAt);
  });
});

describe('completion records', () => {
  it('issues a verifiable completion once the activity has ended and attendance met the rule', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'learner-1', 10);
    const absent = await signUp(activityId, 'learner-2', 11);
    const { body } = await api.call('GET', `/signups/${signup.id}`, { user: 'learner-1' });
    await api.call('POST', '/staff/check-ins', { ...STAFF_SHUANGLIAO, body: { code: body.checkInCode } });
    const before = await api.call('GET', `/signups/${signup.id}`, { user: 'learner-1' });
    expect(before.body.completion).toBeNull();

    // The day is over: staff record the real times, which lie in the past now.
    const now = dayjs();
    const moved = await api.call('PATCH', `/staff/activities/${activityId}`, {
      ...STAFF_SHUANGLIAO,
      body: {
        startsAt: toIso(now.subtract(3, 'hour')),
        endsAt: toIso(now.subtract(1, 'hour')),
        signupOpensAt: toIso(now.subtract(5, 'hour')),
        signupClosesAt: toIso(now.subtract(4, 'hour')),
      },
    });
    expect(moved.status).toBe(200);
    const after = await api.call('GET', `/signups/${signup.id}`, { user: 'learner-1' });
    expect(after.body.completion).toMatchObject({
      attendeeName: attendee(10).name,
      sessionsAttended: 1,
      sessionsTotal: 1,
      hours: 2,
    });
    const code = after.body.completion.code as string;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const again = await api.call('GET', `/signups/${signup.id}`, { user: 'learner-1' });
    expect(again.body.completion.code).toBe(code);

    const verified = await api.call('GET', `/completions/${code}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ code, activityId, schoolName: '双辽市职业中专' });
    expect(JSON.stringify(verified.body)).not.toContain(attendee(10).phone);
    expect((await api.call('GET', '/completions/ABCDEFGHJK')).status).toBe(404);
    expect((await api.call('GET', '/completions/lower')).status).toBe(404);

    const none = await api.call('GET', `/signups/${absent.id}`, { user: 'learner-2' });
    expect(none.body.completion).toBeNull();
    const { handler } = await import('../../functions/handlers/completions-issue');
    const run = await handler();
    expect(run.activities).toBeGreaterThan(0);
    expect(
      (await table.scan()).filter((i) => i.type === 'completion' && i.activityId === activityId),
    ).toHaveLength(1);
  });
});

describe('roster export and visibility', () => {
  it('exports a CSV that Excel opens: BOM, Chinese headers, one row per person', async () => {
    const activityId = await publishSoon({ capacity: 2 });
    for (let i = 0; i < 3; i++) await signUp(activityId, `csv-${i}`, 20 + i);
    const { handler } = await import('../../functions/handlers/staff-roster');
    const { httpEvent, bearer } = await import('../support/events');
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
    const text = raw.body ?? '';
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual([
      '序号',
      '姓名',
      '手机号',
      '状态',
      '候补位次',
      '出生年份',
      '所在村屯',
      '签到次数',
      '报名时间',
    ]);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l[3])).toEqual(['报名成功', '报名成功', '候补中']);
    expect(lines[1]?.[2]).toBe(attendee(20).phone);
    expect(lines[3]?.[4]).toBe('1');
  });

  it('lets an attendee see only their own sign-up, never the roster', async () => {
    const activityId = await publishSoon();
    const mine = await signUp(activityId, 'viewer-1', 30);
    const theirs = await signUp(activityId, 'viewer-2', 31);
    expect(
      (await api.call('GET', `/staff/activities/${activityId}/signups`, { user: 'viewer-1' })).status,
    ).toBe(403);
    expect((await api.call('GET', `/signups/${theirs.id}`, { user: 'viewer-1' })).status).toBe(404);
    const own = await api.call('GET', `/signups/${mine.id}`, { user: 'viewer-1' });
    expect(own.body.attendee.phone).toBe(attendee(30).phone);
    expect(
      (await api.call('GET', `/staff/activities/${activityId}/signups`, { ...STAFF_LISHU })).status,
    ).toBe(403);
    const staffView = await api.call('GET', `/signups/${mine.id}`, { ...STAFF_SHUANGLIAO });
    expect(staffView.body.checkInCode).toBeUndefined();
  });
});

describe('cancelling an activity', () => {
  it('shows the reason to every signed-up person and refuses new sign-ups', async () => {
    const activityId = await publishSoon();
    const signup = await signUp(activityId, 'cancel-1', 40);
    expect(
      (
        await api.call('POST', `/staff/activities/${activityId}/cancel`, {
          ...STAFF_LISHU,
          body: { reason: '暴雪' },
        })
      ).status,
    ).toBe(403);
    const res = await api.call('POST', `/staff/activities/${activityId}/cancel`, {
      ...STAFF_SHUANGLIAO,
      body: { reason: '暴雪封路，改期另行通知' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雪封路，改期另行通知' });
    const mine = await api.call('GET', '/signups/mine', { user: 'cancel-1' });
    expect(mine.body.items.find((s: { id: string }) => s.id === signup.id).activity).toMatchObject({
      status: 'cancelled',
      cancelReason: '暴雪封路，改期另行通知',
    });
    const late = await api.call('POST', '/signups', {
      user: 'cancel-2',
      body: { activityId, attendee: attendee(41) },
    });
    expect(late.body.error.code).toBe('ACTIVITY_CANCELLED');
    expect(
      (
        await api.call('POST', `/staff/activities/${activityId}/cancel`, {
          ...STAFF_SHUANGLIAO,
          body: { reason: '再取消一次' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('training statistics and the audit log', () => {
  it('counts check-ins against twice the enrolment, by kind, month and county', async () => {
    const year = inZone().year();
    expect(
      (
        await api.call('PUT', '/staff/schools/shuangliao-vocational/enrolment', {
          ...STAFF_LISHU,
          body: { year, students: 10 },
        })
      ).status,
    ).toBe(403);
    const put = await api.call('PUT', '/staff/schools/shuangliao-vocational/enrolment', {
      ...STAFF_SHUANGLIAO,
      body: { year, students: 2 },
    });
    expect(put.body).toEqual({ schoolId: 'shuangliao-vocational', year, students: 2 });
    expect(
      (
        await api.call('PUT', '/staff/schools/shuangliao-vocational/enrolment', {
          ...STAFF_SHUANGLIAO,
          body: { year, students: -1 },
        })
      ).status,
    ).toBe(400);

    const before = await api.call('GET', '/staff/stats', {
      ...STAFF_SHUANGLIAO,
      query: { year: String(year) },
    });
    const base = before.body.schools.find((s: { schoolId: string }) => s.schoolId === 'shuangliao-vocational')
      .headcount as number;
    const activityId = await publishSoon();
    for (let i = 0; i < 2; i++) {
      const s = await signUp(activityId, `stat-${i}`, 50 + i);
      const d = await api.call('GET', `/signups/${s.id}`, { user: `stat-${i}` });
      expect(
        (
          await api.call('POST', '/staff/check-ins', {
            ...STAFF_SHUANGLIAO,
            body: { code: d.body.checkInCode },
          })
        ).status,
      ).toBe(200);
    }
    const stats = await api.call('GET', '/staff/stats', {
      ...STAFF_SHUANGLIAO,
      query: { year: String(year) },
    });
    expect(stats.body.schools).toHaveLength(1);
    const row = stats.body.schools[0];
    expect(row).toMatchObject({
      schoolId: 'shuangliao-vocational',
      enrolment: 2,
      target: 4,
      headcount: base + 2,
    });
    expect(row.ratioToTarget).toBeCloseTo((base + 2) / 4, 3);
    expect(row.byKind.outreach).toBeGreaterThanOrEqual(2);
    expect(row.byMonth[inZone().month()]).toBeGreaterThanOrEqual(2);
    expect(stats.body.counties.find((c: { county: string }) => c.county === '双辽市').headcount).toBe(
      row.headcount,
    );

    const all = await api.call('GET', '/staff/stats', { user: 'admin' });
    expect(all.body.schools.length).toBeGreaterThanOrEqual(schools.length);
    expect((await api.call('GET', '/staff/stats', { user: 'nobody' })).status).toBe(403);
  });

  it('records every staff write with who, what, when, before and after, for the admin only', async () => {
    const activityId = await publishSoon({ capacity: 8 });
    await api.call('PATCH', `/staff/activities/${activityId}`, {
      ...STAFF_SHUANGLIAO,
      body: { capacity: 12 },
    });
    expect((await api.call('GET', '/staff/audit', { ...STAFF_SHUANGLIAO })).status).toBe(403);
    const log = await api.call('GET', '/staff/audit', { user: 'admin', query: { limit: '100' } });
    expect(log.status).toBe(200);
    const entries = log.body.items as Array<{
      action: string;
      target: string;
      actor: string;
      before: { capacity?: number };
      after: { capacity?: number };
      at: string;
    }>;
    const revise = entries.find(
      (e) => e.action === 'revise-activity' && e.target === `activity:${activityId}`,
    );
    expect(revise).toMatchObject({
      actor: 'staff-shuangliao-vocational',
      before: { capacity: 8 },
      after: { capacity: 12 },
    });
    expect(
      entries.find((e) => e.action === 'publish-activity' && e.target === `activity:${activityId}`),
    ).toBeDefined();
    for (const action of ['check-in', 'set-enrolment', 'cancel-activity'])
      expect(entries.map((e) => e.action)).toContain(action);
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
