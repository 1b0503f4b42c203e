import { useFreshTable } from '../support/table';
import { json, startWechatStandIn } from '../support/wechat-stand-in';
import { handlerApi } from '../support/api';
import { people } from '../support/people';
import { freshMinute, outreachBody } from '../support/fixtures';

/**
 * People and roles over HTTP (issue 13): who may invite whom, redeeming a code once, members and their
 * removal taking effect on the next call. Every answer is also checked against docs/openapi.yaml.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
const { login, join } = people(api);
const A = 'shuangliao-vocational';
const B = 'lishu-vocational';

async function invite(as: { user: string }, schoolId: string, role: 'teacher' | 'school-admin') {
  return api.call('POST', '/staff/invitations', { ...as, body: { schoolId, role, note: '测试' } });
}

const ADMIN = { user: 'admin' };
let schoolAdminA: { user: string };
let schoolAdminB: { user: string };
let teacherA: { user: string };
let plain: { user: string };

/** A stand-in for WeChat on loopback: an access token, and 小程序码 for scenes of 16 characters. */
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;
const wxacodeRequests: Array<Record<string, unknown>> = [];
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  wechat = await startWechatStandIn({
    '/wxa/getwxacodeunlimit': (call, res) => {
      wxacodeRequests.push({ path: call.path, token: call.token, ...call.body });
      if (typeof call.body.scene === 'string' && call.body.scene.length <= 32) {
        res.setHeader('content-type', 'image/png');
        res.end(PNG);
      } else {
        json(res, { errcode: 40169, errmsg: 'invalid length for scene' });
      }
    },
  });
  table = await useFreshTable();
  Object.assign(process.env, wechat.env);
  const { seed } = await import('../../scripts/seed');
  await seed();
  await login('admin');
  schoolAdminA = await join(ADMIN, 'principal-a', A, 'school-admin');
  schoolAdminB = await join(ADMIN, 'principal-b', B, 'school-admin');
  teacherA = await join(schoolAdminA, 'teacher-a', A, 'teacher');
  plain = await login('parent-zhang');
});

afterAll(async () => {
  await wechat.close();
  await table.drop();
});

const callers = () =>
  ({
    admin: ADMIN,
    'school-admin of A': schoolAdminA,
    'teacher of A': teacherA,
    'school-admin of B': schoolAdminB,
    'plain user': plain,
  }) as const;
type CallerName = keyof ReturnType<typeof callers>;

/** The permission matrix of issue 13: each route, each caller, the status it answers. */
const MATRIX: Array<{
  route: string;
  expect: Record<CallerName, number>;
  run: (as: { user: string }) => Promise<number>;
}> = [
  {
    route: 'POST /staff/invitations (teacher of A)',
    expect: {
      admin: 201,
      'school-admin of A': 201,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) => (await invite(as, A, 'teacher')).status,
  },
  {
    route: 'POST /staff/invitations (school admin of A)',
    expect: {
      admin: 201,
      'school-admin of A': 403,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) => (await invite(as, A, 'school-admin')).status,
  },
  {
    route: 'GET /staff/invitations?schoolId=A',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) =>
      (await api.call('GET', '/staff/invitations', { ...as, query: { schoolId: A } })).status,
  },
  {
    route: 'DELETE /staff/invitations/{id} (a teacher invitation of A)',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) => {
      const made = await invite(ADMIN, A, 'teacher');
      return (await api.call('DELETE', `/staff/invitations/${made.body.id}`, as)).status;
    },
  },
  {
    route: 'GET /staff/schools/A/members',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) => (await api.call('GET', `/staff/schools/${A}/members`, as)).status,
  },
  {
    route: 'DELETE /staff/schools/A/members/{a teacher}',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 403,
      'school-admin of B': 403,
      'plain user': 403,
    },
    run: async (as) => {
      const teacher = await join(ADMIN, `t-${Math.random().toString(36).slice(2, 8)}`, A, 'teacher');
      return (await api.call('DELETE', `/staff/schools/${A}/members/${teacher.user}`, as)).status;
    },
  },
  {
    route: 'POST /invitations/redeem (a valid teacher code of B)',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 200,
      'school-admin of B': 200,
      'plain user': 200,
    },
    run: async (as) => {
      const made = await invite(ADMIN, B, 'teacher');
      const res = await api.call('POST', '/invitations/redeem', { ...as, body: { code: made.body.code } });
      // Leave everyone as they were for the rows after this one.
      if (res.status === 200 && as !== schoolAdminB) {
        expect((await api.call('DELETE', `/staff/schools/${B}/members/${as.user}`, ADMIN)).status).toBe(200);
      }
      return res.status;
    },
  },
  {
    route: 'GET /me',
    expect: {
      admin: 200,
      'school-admin of A': 200,
      'teacher of A': 200,
      'school-admin of B': 200,
      'plain user': 200,
    },
    run: async (as) => (await api.call('GET', '/me', as)).status,
  },
];

describe('the permission matrix', () => {
  it.each(MATRIX.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const got: Record<string, number> = {};
    for (const [name, as] of Object.entries(callers())) got[name] = await row.run(as);
    expect(got).toEqual(row.expect);
  });

  it('answers 401 without a token on every route of issue 13', async () => {
    expect((await api.call('GET', '/me')).status).toBe(401);
    expect(
      (await api.call('POST', '/invitations/redeem', { body: { code: 'ABCD-EFGH-JKMN-PQRS' } })).status,
    ).toBe(401);
    expect(
      (await api.call('POST', '/staff/invitations', { body: { schoolId: A, role: 'teacher' } })).status,
    ).toBe(401);
    expect((await api.call('GET', `/staff/schools/${A}/members`)).status).toBe(401);
  });
});

describe('invitations', () => {
  it('shows the code once, lists pending invitations without it, and keeps only its hash', async () => {
    const made = await invite(schoolAdminA, A, 'teacher');
    expect(made.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(Date.parse(made.body.expiresAt) - Date.parse(made.body.createdAt)).toBe(72 * 3600_000);
    const list = await api.call('GET', '/staff/invitations', { ...schoolAdminA, query: { schoolId: A } });
    const listed = (list.body.items as Array<Record<string, unknown>>).find((i) => i.id === made.body.id);
    expect(listed).toMatchObject({ schoolId: A, role: 'teacher', note: '测试' });
    expect(listed).not.toHaveProperty('code');
    const everything = JSON.stringify(await table.scan());
    expect(everything).not.toContain(made.body.code);
  });

  it('lets exactly one of five people redeem one code at the same moment', async () => {
    const made = await invite(ADMIN, A, 'teacher');
    const people = await Promise.all([1, 2, 3, 4, 5].map((i) => login(`racer-${i}`)));
    const answers = await Promise.all(
      people.map((p) => api.call('POST', '/invitations/redeem', { ...p, body: { code: made.body.code } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410]);
    for (const refused of answers.filter((a) => a.status === 410)) {
      expect(refused.body.error).toMatchObject({ code: 'INVITATION_GONE' });
      expect(refused.body.error.message).toContain('重新邀请');
    }
    const members = await api.call('GET', `/staff/schools/${A}/members`, ADMIN);
    const racers = (members.body.items as Array<{ userId: string }>).filter((m) =>
      m.userId.startsWith('racer-'),
    );
    expect(racers).toHaveLength(1);
  });

  it('reads a typed code the way people type it, and refuses an unknown one with what to do', async () => {
    const made = await invite(ADMIN, B, 'teacher');
    const who = await login('typist');
    const typed = (made.body.code as string).toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    const ok = await api.call('POST', '/invitations/redeem', { ...who, body: { code: ` ${typed} ` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      school: { id: B },
      role: 'teacher',
      roles: expect.arrayContaining([`staff:${B}`]),
    });
    const unknown = await api.call('POST', '/invitations/redeem', {
      ...who,
      body: { code: '0000-0000-0000-0000' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('INVITATION_NOT_FOUND');
    const cancelled = await invite(ADMIN, B, 'teacher');
    await api.call('DELETE', `/staff/invitations/${cancelled.body.id}`, ADMIN);
    const gone = await api.call('POST', '/invitations/redeem', {
      ...who,
      body: { code: cancelled.body.code },
    });
    expect(gone.status).toBe(410);
  });

  it('makes the invitation’s 小程序码 for its holder only, opening the join page with the code as scene', async () => {
    const made = await invite(schoolAdminA, A, 'teacher');
    const path = `/staff/invitations/${made.body.id}/wxacode` as const;
    const res = await api.call('POST', path, { ...schoolAdminA, body: { code: made.body.code } });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.image as string, 'base64')).toEqual(PNG);
    expect(wxacodeRequests.at(-1)).toMatchObject({
      path: '/wxa/getwxacodeunlimit',
      token: 'token-for-tests',
      scene: made.body.code,
      page: 'packages/mine/pages/join/index',
      check_path: false,
      env_version: 'develop',
    });
    // Without the code nobody mints a 小程序码, and another school's admin may not either.
    const wrongCode = await api.call('POST', path, {
      ...schoolAdminA,
      body: { code: '0000-0000-0000-0000' },
    });
    expect(wrongCode.status).toBe(404);
    const otherSchool = await api.call('POST', path, { ...schoolAdminB, body: { code: made.body.code } });
    expect(otherSchool.status).toBe(403);
    const who = await login('scanned-teacher');
    expect(
      (await api.call('POST', '/invitations/redeem', { ...who, body: { code: made.body.code } })).status,
    ).toBe(200);
    const used = await api.call('POST', path, { ...schoolAdminA, body: { code: made.body.code } });
    expect(used.status).toBe(410);
  });

  it('refuses a code after 72 hours', async () => {
    const made = await invite(ADMIN, A, 'teacher');
    const who = await login('late-teacher');
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 72 * 3600_000 + 1000);
    try {
      const late = await api.call('POST', '/invitations/redeem', { ...who, body: { code: made.body.code } });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('INVITATION_GONE');
    } finally {
      clock.mockRestore();
    }
  });

  it('allows ten tries a minute, then answers 429 with Retry-After', async () => {
    const guesser = await login('guesser');
    await freshMinute();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 11; i++) {
      last = await api.call('POST', '/invitations/redeem', {
        ...guesser,
        body: { code: `ZZZZ-ZZZZ-ZZZZ-ZZ${i < 10 ? '0' : ''}${i}` },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('members', () => {
  it('shows each person their 用户编号 and schools, and takes a removed teacher’s access away on the next call', async () => {
    const teacher = await join(schoolAdminA, 'teacher-removed', A, 'teacher');
    const me = await api.call('GET', '/me', teacher);
    expect(me.body).toMatchObject({
      userId: 'teacher-removed',
      shortId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
      schools: [{ schoolId: A, schoolName: '双辽市职业中专', role: 'teacher' }],
    });
    const published = await api.call('POST', '/staff/activities', { ...teacher, body: outreachBody() });
    expect(published.status).toBe(201);
    const removed = await api.call('DELETE', `/staff/schools/${A}/members/${teacher.user}`, schoolAdminA);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ userId: 'teacher-removed', role: 'teacher' });
    // The token still says staff: the staff routes read roles from the table, so the change holds at once.
    const after = await api.call('POST', '/staff/activities', { ...teacher, body: outreachBody() });
    expect(after.status).toBe(403);
    const again = await api.call('DELETE', `/staff/schools/${A}/members/${teacher.user}`, schoolAdminA);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('MEMBER_NOT_FOUND');
  });

  it('lets only the bureau remove a school admin', async () => {
    const second = await join(ADMIN, 'principal-a2', A, 'school-admin');
    const refused = await api.call('DELETE', `/staff/schools/${A}/members/${second.user}`, schoolAdminA);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await api.call('DELETE', `/staff/schools/${A}/members/${second.user}`, ADMIN)).status).toBe(200);
  });

  it('audits every invitation and role change with actor, school, role and time', async () => {
    const audit = await api.call('GET', '/staff/audit', { ...ADMIN, query: { limit: '100' } });
    const entries = audit.body.items as Array<{
      action: string;
      actor: string;
      target: string;
      at: string;
      after: unknown;
    }>;
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'invitation.create',
      'invitation.cancel',
      'invitation.redeem',
      'role.grant',
      'role.revoke',
    ])
      expect(actions).toContain(action);
    const grant = entries.find((e) => e.action === 'role.grant' && e.target === `school:${A}`);
    expect(grant).toMatchObject({ actor: expect.any(String), at: expect.stringMatching(/\+08:00$/) });
    expect(JSON.stringify(grant?.after)).toMatch(/staff:|school-admin:/);
  });
});
