import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { people } from '../support/people';

/**
 * Schools keep their own catalog (issue 14) over HTTP against DynamoDB Local: who may change what, the audit
 * entry each write leaves, the public pages showing an edit at once in this instance, and the seed leaving
 * a school's edits alone. Every answer is also checked against docs/openapi.yaml.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
const { login, join } = people(api);
const A = 'shuangliao-vocational';
const B = 'lishu-vocational';

const ADMIN = { user: 'admin' };
let adminA: { user: string };
let adminB: { user: string };
let teacherA: { user: string };
let plain: { user: string };

beforeAll(async () => {
  table = await useFreshTable();
  const { seed } = await import('../../scripts/seed');
  await seed();
  await login('admin');
  adminA = await join(ADMIN, 'catalog-principal-a', A, 'school-admin');
  adminB = await join(ADMIN, 'catalog-principal-b', B, 'school-admin');
  teacherA = await join(adminA, 'catalog-teacher-a', A, 'teacher');
  plain = await login('catalog-parent');
});

afterAll(async () => {
  await table.drop();
});

const callers = () =>
  ({
    admin: ADMIN,
    'school-admin of A': adminA,
    'teacher of A': teacherA,
    'school-admin of B': adminB,
    'plain user': plain,
    anonymous: {},
  }) as const;
type CallerName = keyof ReturnType<typeof callers>;

let made = 0;
const majorBody = (schoolId: string) => ({
  schoolId,
  name: `测试专业${++made}`,
  level: '中职' as const,
  field: '现代农业' as const,
  years: 3,
  status: 'planned' as const,
  source: '《四平市职业教育现代化发展规划》三（二）4',
});

/** A major of school A that the bureau made, for the PATCH rows. */
async function majorOfA(): Promise<string> {
  const res = await api.call('POST', '/staff/majors', { ...ADMIN, body: majorBody(A) });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Who may, as the matrix expects it: the bureau and A's school admin get `ok`; no token 401; the rest 403. */
const schoolAdminOfA = (ok: number): Record<CallerName, number> => ({
  admin: ok,
  'school-admin of A': ok,
  'teacher of A': 403,
  'school-admin of B': 403,
  'plain user': 403,
  anonymous: 401,
});
/** The bureau alone gets `ok`. */
const bureauOnly = (ok: number): Record<CallerName, number> => ({
  ...schoolAdminOfA(ok),
  'school-admin of A': 403,
});

/** The permission matrix: each route, each caller, the status it answers. */
const MATRIX: Array<{
  route: string;
  expect: Record<CallerName, number>;
  run: (as: { user?: string }) => Promise<number>;
}> = [
  {
    route: 'PATCH /staff/schools/{A} (profile)',
    expect: schoolAdminOfA(200),
    run: async (as) =>
      (
        await api.call('PATCH', `/staff/schools/${A}`, {
          ...as,
          body: { phone: `0434-32${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}` },
        })
      ).status,
  },
  {
    route: 'PATCH /staff/schools/{A} (name: the bureau only)',
    expect: bureauOnly(200),
    run: async (as) =>
      (await api.call('PATCH', `/staff/schools/${A}`, { ...as, body: { name: `双辽市职业中专${++made}` } }))
        .status,
  },
  {
    route: 'POST /staff/majors at A',
    expect: schoolAdminOfA(201),
    run: async (as) => (await api.call('POST', '/staff/majors', { ...as, body: majorBody(A) })).status,
  },
  {
    route: 'PATCH /staff/majors/{a major of A}',
    expect: schoolAdminOfA(200),
    run: async (as) => {
      const id = await majorOfA();
      return (await api.call('PATCH', `/staff/majors/${id}`, { ...as, body: { status: 'enrolling' } }))
        .status;
    },
  },
  {
    route: 'POST /staff/schools',
    expect: bureauOnly(201),
    run: async (as) =>
      (
        await api.call('POST', '/staff/schools', {
          ...as,
          body: {
            name: `四平市测试学校${++made}`,
            shortName: '测试学校',
            kind: '中职学校',
            county: '铁西区',
            source: '测试',
          },
        })
      ).status,
  },
  {
    route: 'POST /staff/certificates',
    expect: bureauOnly(201),
    run: async (as) =>
      (
        await api.call('POST', '/staff/certificates', {
          ...as,
          body: { name: `测试证书${++made}`, issuer: '某培训评价组织', source: 'https://example.org/1x' },
        })
      ).status,
  },
  {
    route: 'PATCH /staff/certificates/{id}',
    expect: bureauOnly(200),
    run: async (as) =>
      (
        await api.call('PATCH', '/staff/certificates/cert-elderly-care', {
          ...as,
          body: { summary: `面向养老护理岗位（第${++made}次修改）` },
        })
      ).status,
  },
];

describe('who may change the catalog', () => {
  it.each(MATRIX.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const got: Record<string, number> = {};
    for (const [name, as] of Object.entries(callers())) got[name] = await row.run(as);
    expect(got).toEqual(row.expect);
  });
});

describe('a school keeps its profile', () => {
  it('the school admin sets the phone, address, map point, website, contact and intro; GET /schools/{id} shows them at once', async () => {
    // Read first, so the public answer is cached in this instance: the edit must replace it.
    expect((await api.call('GET', `/schools/${A}`)).status).toBe(200);
    const profile = {
      phone: '0434-3200000',
      address: '双辽市辽河路 1 号',
      location: { lat: 43.52, lng: 123.5 },
      website: 'https://www.example.edu.cn',
      admissionsContact: '招生办 王老师',
      intro: '国家级重点中等职业学校。',
    };
    const res = await api.call('PATCH', `/staff/schools/${A}`, { ...adminA, body: profile });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(profile);
    const pub = await api.call('GET', `/schools/${A}`);
    expect(pub.body).toMatchObject(profile);
    expect(pub.body.version).toBeGreaterThan(0);
  });

  it('each write is an audit entry with the fields before and after', async () => {
    await api.call('PATCH', `/staff/schools/${A}`, {
      ...adminA,
      body: { admissionsContact: '招生办 李老师' },
    });
    const audit = await api.call('GET', '/staff/audit', { ...ADMIN, query: { limit: '100' } });
    expect(audit.status).toBe(200);
    // Entries of one second are ordered by their id: find this write's by what it wrote.
    const entry = (audit.body.items as Array<{ target: string; after: unknown }>).find(
      (e) => e.target === `school:${A}` && JSON.stringify(e.after).includes('李老师'),
    );
    expect(entry).toMatchObject({
      actor: adminA.user,
      action: 'update-school',
      before: { admissionsContact: '招生办 王老师' },
      after: { admissionsContact: '招生办 李老师' },
    });
  });

  it('bad input is a 400 that names the field and changes nothing', async () => {
    const before = (await api.call('GET', `/schools/${A}`)).body;
    for (const body of [
      { phone: '请打电话' },
      { website: 'javascript:alert(1)' },
      { location: { lat: 200, lng: 0 } },
      { intro: '<script>' },
      {},
    ]) {
      const res = await api.call('PATCH', `/staff/schools/${A}`, { ...adminA, body: body as never });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api.call('GET', `/schools/${A}`)).body).toEqual(before);
  });

  it('a school that does not exist is 404', async () => {
    const res = await api.call('PATCH', '/staff/schools/no-such-school', {
      ...ADMIN,
      body: { phone: '0434-1234567' },
    });
    expect(res.status).toBe(404);
  });
});

describe('a school keeps its majors', () => {
  it('a new major answers 学制, status and source in the public list and on its page', async () => {
    const res = await api.call('POST', '/staff/majors', {
      ...adminA,
      body: {
        schoolId: A,
        name: '宠物养护与经营',
        level: '中职',
        field: '现代农业',
        years: 3,
        status: 'enrolling',
        intake: [{ year: 2027, places: 80 }],
        tuition: '免学费',
        aid: '国家助学金每生每年 2000 元',
        careers: ['养殖场技术员'],
        partners: ['双辽市某牧业公司'],
        source: 'http://www.llaw.org.cn/h/crjg/2017-12-14/4505.html',
      },
    });
    expect(res.status).toBe(201);
    const page = await api.call('GET', `/majors/${res.body.id}`);
    expect(page.body).toMatchObject({
      name: '宠物养护与经营',
      years: 3,
      status: 'enrolling',
      field: '现代农业',
      group: '现代农业',
      partners: ['双辽市某牧业公司'],
      partnerCompanies: ['双辽市某牧业公司'],
      intake: [{ year: 2027, places: 80 }],
      school: { id: A },
    });
    const list = await api.call('GET', '/majors', { query: { schoolId: A, limit: '100' } });
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  it('停招 leaves the lists, and the page still answers with its status', async () => {
    const id = await majorOfA();
    const list = () => api.call('GET', '/majors', { query: { schoolId: A, limit: '100' } });
    expect((await list()).body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(
      (await api.call('PATCH', `/staff/majors/${id}`, { ...adminA, body: { status: 'suspended' } })).status,
    ).toBe(200);
    expect((await list()).body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    expect((await api.call('GET', `/majors/${id}`)).body.status).toBe('suspended');
  });

  it('a school admin cannot move a major to another school, nor add one there', async () => {
    const id = await majorOfA();
    const moved = await api.call('PATCH', `/staff/majors/${id}`, { ...adminA, body: { schoolId: B } });
    expect(moved.status).toBe(403);
    expect(moved.body.error.message).toContain('本校');
    expect((await api.call('GET', `/majors/${id}`)).body.schoolId).toBe(A);
  });

  it('unknown schools and certificates, and twins, are field errors', async () => {
    const unknownSchool = await api.call('POST', '/staff/majors', {
      ...ADMIN,
      body: majorBody('no-such-school'),
    });
    expect(unknownSchool.status).toBe(400);
    expect(unknownSchool.body.error.fields).toEqual([
      { field: 'schoolId', message: expect.stringContaining('no-such-school') },
    ]);
    const unknownCertificate = await api.call('POST', '/staff/majors', {
      ...ADMIN,
      body: { ...majorBody(A), certificateIds: ['cert-none'] },
    });
    expect(unknownCertificate.status).toBe(400);
    const body = majorBody(A);
    expect((await api.call('POST', '/staff/majors', { ...ADMIN, body })).status).toBe(201);
    const twin = await api.call('POST', '/staff/majors', { ...ADMIN, body });
    expect(twin.status).toBe(400);
    expect(twin.body.error.fields?.[0]).toMatchObject({ field: 'name' });
  });

  it('a certificate a major names lists that major, from the major’s side', async () => {
    const res = await api.call('POST', '/staff/majors', {
      ...adminA,
      body: { ...majorBody(A), certificateIds: ['cert-ecommerce-data'] },
    });
    expect(res.status).toBe(201);
    const certificate = await api.call('GET', '/certificates/cert-ecommerce-data');
    expect(certificate.body.majorIds).toContain(res.body.id);
    await api.call('PATCH', `/staff/majors/${res.body.id}`, { ...adminA, body: { certificateIds: [] } });
    expect((await api.call('GET', '/certificates/cert-ecommerce-data')).body.majorIds).not.toContain(
      res.body.id,
    );
  });
});

describe('the seed and the schools', () => {
  it('a later seed run leaves what a school edited alone, and does not retire what a school added', async () => {
    await api.call('PATCH', `/staff/schools/${A}`, { ...adminA, body: { phone: '0434-3211111' } });
    const id = await majorOfA();
    const { seed } = await import('../../scripts/seed');
    const result = await seed();
    expect(result.catalog.keptEdited).toEqual(expect.arrayContaining([`school:${A}`, `major:${id}`]));
    expect(result.catalog.retired).not.toContain(`major:${id}`);
    expect((await api.call('GET', `/schools/${A}`)).body.phone).toBe('0434-3211111');
    expect((await api.call('GET', `/majors/${id}`)).body.retiredAt).toBeNull();
  });
});
