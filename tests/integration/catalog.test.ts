import type { PathOf } from '../../shared/routes';
import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';

useSeededTable();
const api = handlerApi();

describe('catalog', () => {
  it('lists every school the plan names, with county and direction', async () => {
    const res = await api.call('GET', '/schools');
    expect(res.status).toBe(200);
    const names = res.body.items.map((s: { name: string }) => s.name);
    for (const name of [
      '四平职业大学',
      '吉林省四平卫生学校',
      '双辽市职业中专',
      '伊通县职教中心',
      '梨树县职教中心',
    ]) {
      expect(names).toContain(name);
    }
    expect(res.body.nextCursor).toBeNull();
    const shuangliao = res.body.items.find((s: { id: string }) => s.id === 'shuangliao-vocational');
    expect(shuangliao).toMatchObject({ county: '双辽市' });
    expect(shuangliao.direction).toMatch(/乡村振兴/);
  });

  it('filters majors by level and pages through them', async () => {
    const res = await api.call('GET', '/majors', { query: { level: '中职', limit: '2' } });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.every((m: { level: string }) => m.level === '中职')).toBe(true);
    const next = await api.call('GET', '/majors', {
      query: { level: '中职', limit: '2', cursor: res.body.nextCursor },
    });
    expect(next.body.items.length).toBeGreaterThan(0);
    expect(next.body.items.every((m: { level: string }) => m.level === '中职')).toBe(true);
    const ids = new Set([...res.body.items, ...next.body.items].map((m: { id: string }) => m.id));
    expect(ids.size).toBe(res.body.items.length + next.body.items.length);
  });

  it('finds 护理 and shows its school, its source and its certificates with their issuers', async () => {
    const list = await api.call('GET', '/majors', { query: { q: '护理', level: '中职' } });
    const nursing = list.body.items.find((m: { name: string }) => m.name === '护理');
    // No national code is verified for it, so none is shown.
    expect(nursing).toMatchObject({ status: 'enrolling', code: null, schoolId: 'sp-health-school' });
    const detail = await api.call('GET', `/majors/${nursing.id}`);
    expect(detail.body.school.name).toBe('吉林省四平卫生学校');
    expect(detail.body.source).toMatch(/^吉林省四平卫生学校简介.*http:\/\/\S+/);
    expect(detail.body.certificates.map((c: { issuer: string }) => c.issuer)).toContain(
      '北京中福长者文化科技有限公司',
    );
  });

  it('shows a certificate with its related majors and schools', async () => {
    const list = await api.call('GET', '/certificates', { query: { q: '老年照护' } });
    const cert = list.body.items.find((c: { name: string }) => c.name === '老年照护');
    const detail = await api.call('GET', `/certificates/${cert.id}`);
    expect(detail.body.levels).toEqual(['初级', '中级', '高级']);
    expect(detail.body.majors.length).toBeGreaterThan(0);
    expect(detail.body.schools.length).toBeGreaterThan(0);
  });

  it('lists upcoming activities by kind and county with +08:00 times', async () => {
    const res = await api.call('GET', '/activities', { query: { kind: 'outreach', county: '梨树县' } });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const a of res.body.items) {
      expect(a).toMatchObject({ kind: 'outreach', county: '梨树县', sample: true });
      expect(a.startsAt).toMatch(/\+08:00$/);
      expect(typeof a.seatsLeft).toBe('number');
    }
    const starts = res.body.items.map((a: { startsAt: string }) => a.startsAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it('pages activities with a cursor and finds them by text', async () => {
    const first = await api.call('GET', '/activities', { query: { limit: '3' } });
    expect(first.body.items).toHaveLength(3);
    const second = await api.call('GET', '/activities', {
      query: { limit: '3', cursor: first.body.nextCursor },
    });
    expect(second.body.items[0].startsAt >= first.body.items[2].startsAt).toBe(true);
    expect(second.body.items.map((a: { id: string }) => a.id)).not.toContain(first.body.items[0].id);
    const search = await api.call('GET', '/activities', { query: { q: '直播' } });
    expect(search.body.items.length).toBeGreaterThan(0);
  });

  it('lists the 1+X training and exam sessions of a certificate', async () => {
    const res = await api.call('GET', '/activities', { query: { certificateId: 'cert-elderly-care' } });
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    for (const a of res.body.items)
      expect(a).toMatchObject({
        kind: 'training',
        certificateId: 'cert-elderly-care',
        certificateLevel: '初级',
      });
  });

  it('limits activities to a date range', async () => {
    const { dayjs, toIso } = await import('../../shared/time');
    const from = toIso(dayjs().add(5, 'day'));
    const to = toIso(dayjs().add(12, 'day'));
    const res = await api.call('GET', '/activities', { query: { from, to, limit: '100' } });
    for (const a of res.body.items) {
      expect(a.startsAt <= to).toBe(true);
      expect(a.endsAt >= from).toBe(true);
    }
  });

  it.each([
    ['/activities', { kind: 'party' }],
    ['/activities', { county: '长春市' }],
    ['/activities', { schoolId: 'no-such-school' }],
    ['/activities', { from: 'tomorrow' }],
    ['/activities', { limit: '0' }],
    ['/activities', { limit: '1000' }],
    ['/activities', { cursor: 'eyJub3QiOiJhIGtleSJ9' }],
    ['/activities', { colour: 'red' }],
    ['/majors', { level: '本科' }],
    ['/majors', { group: '航天' }],
    ['/majors', { schoolId: 'nowhere' }],
    ['/majors', { cursor: '!!' }],
    ['/certificates', { majorId: 'nope' }],
  ])('answers 400 with a code for %s %j', async (path, query) => {
    const res = await api.call('GET', path as PathOf<'GET'>, { query });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/^INVALID_(QUERY|CURSOR)$/);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers 404 for unknown ids', async () => {
    for (const path of [
      '/schools/nope',
      '/majors/nope',
      '/certificates/nope',
      '/activities/nope',
      '/activities/%3Cscript%3E',
    ] as const) {
      const res = await api.call('GET', path);
      expect(res.status).toBe(404);
    }
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await api.call('GET', '/schools');
    const again = (await import('../../functions/handlers/schools-list')).handler;
    const { httpEvent } = await import('../support/events');
    const res = await again(
      httpEvent({
        method: 'GET',
        path: '/schools',
        headers: { 'if-none-match': first.headers.etag as string },
      }),
    );
    expect(typeof res === 'object' && res.statusCode).toBe(304);
  });
});
