import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';

/**
 * GET /majors/{id}/pathway over HTTP against DynamoDB Local (issue 16): the links and routes as the seed's catalog
 * holds them, a major a school adds showing up on the linked majors' pathways, and a refusal for what is not there.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();

beforeAll(async () => {
  table = await useFreshTable();
  const { seed } = await import('../../scripts/seed');
  await seed();
  expect((await api.call('POST', '/auth/login', { body: { code: 'dev:admin' } })).status).toBe(200);
});

afterAll(async () => {
  await table.drop();
});

describe('GET /majors/{id}/pathway', () => {
  it('leads 双辽’s 中职 畜牧兽医 to 高职专科 畜牧兽医, with the routes and their sources', async () => {
    const res = await api.call('GET', '/majors/sl-animal-husbandry-vet/pathway');
    expect(res.status).toBe(200);
    expect(res.body.major).toEqual({ id: 'sl-animal-husbandry-vet', name: '畜牧兽医', level: '中职' });
    expect(res.body.to).toEqual([
      expect.objectContaining({
        level: '高职专科',
        name: '畜牧兽医',
        source: expect.stringMatching(/https?:\/\//),
      }),
    ]);
    expect(res.body.routes).toEqual([
      expect.objectContaining({
        name: '职教高考（吉林省高职分类考试）',
        source: expect.stringMatching(/https?:\/\//),
      }),
    ]);
    expect(res.body.note).toBeNull();
  });

  it('shows a 高职专科 major a school adds on the 中职 major’s pathway, with its school and status', async () => {
    const made = await api.call('POST', '/staff/majors', {
      user: 'admin',
      body: {
        schoolId: 'sp-vocational-univ',
        name: '护理',
        level: '高职专科',
        field: '医药卫生',
        status: 'planned',
        source: '《关于推动四平市现代职业教育高质量发展推进技能社会建设的工作方案》三（二）4（测试）',
      },
    });
    expect(made.status).toBe(201);
    const res = await api.call('GET', '/majors/health-nursing/pathway');
    expect(res.body.to).toHaveLength(1);
    expect(res.body.to[0]).toMatchObject({ name: '护理', level: '高职专科', code: '520201' });
    expect(res.body.to[0].majors).toEqual([
      expect.objectContaining({
        id: made.body.id,
        status: 'planned',
        school: expect.objectContaining({ id: 'sp-vocational-univ', name: '四平职业大学' }),
      }),
    ]);
    const back = await api.call('GET', `/majors/${made.body.id}/pathway`);
    expect(back.body.from[0].majors.map((m: { id: string }) => m.id)).toEqual(['health-nursing']);
  });

  it('says so when nothing is verified, and is 404 for a major that is not there', async () => {
    const planned = await api.call('GET', '/majors/spvu-bachelor-intelligent-control/pathway');
    expect(planned.status).toBe(200);
    expect(planned.body.from).toEqual([]);
    expect(planned.body.note).toContain('尚未核实');
    expect((await api.call('GET', '/majors/no-such-major/pathway')).status).toBe(404);
  });
});

describe('the school directory', () => {
  it('filters by county and finds schools by words, each with its number of 在招 majors', async () => {
    const county = await api.call('GET', '/schools', { query: { county: '双辽市' } });
    expect(county.status).toBe(200);
    const shuangliao = county.body.items.find((s: { id: string }) => s.id === 'shuangliao-vocational');
    expect(shuangliao).toMatchObject({ name: '双辽市职业中专', enrollingMajors: 2 });
    for (const s of county.body.items) expect(s.county).toBe('双辽市');
    const found = await api.call('GET', '/schools', { query: { q: '卫生学校' } });
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual(['sp-health-school']);
    expect(found.body.items[0].enrollingMajors).toBe(2);
    const planned = await api.call('GET', '/schools', { query: { kind: '老年大学' } });
    expect(
      planned.body.items.every((s: { status: string; enrollingMajors: number }) => s.status === 'planned'),
    ).toBe(true);
  });
});
