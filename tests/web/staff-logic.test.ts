import type { CheckInResult } from '@shared/api';
import type { Activity } from '@shared/schemas/activity';
import { ApiError, NetworkError } from '@/services/errors';
import { memoryKv } from '@/services/kv';
import { niceMax, percent, ratioText } from '@/packages/staff/lib/chart';
import { CHECKIN_QUEUE_KEY, createCheckInQueue, outcomeText } from '@/packages/staff/lib/checkin-queue';
import {
  checkPublish,
  checkRevise,
  defaultForm,
  fromActivity,
  instant,
  staffSchools,
  toActivityInput,
} from '@/packages/staff/lib/publish-form';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const result = (code: string): CheckInResult => ({
  signupId: `s-${code}`,
  attendee: { name: '李秀兰' },
  activity: { id: 'a-1', title: '秸秆还田现场课' },
  session: { index: 0, startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00' },
  checkedInAt: '2026-12-01T09:05:00+08:00',
});

describe('the offline check-in queue', () => {
  it('keeps a scan made without a connection with the time it was scanned, and sends it later', async () => {
    const kv = memoryKv();
    let online = false;
    const sent: Array<[string, string]> = [];
    let clock = Date.parse('2026-12-01T09:05:00+08:00');
    const queue = createCheckInQueue({
      kv,
      now: () => clock,
      send: async (code, scannedAt) => {
        if (!online) throw new NetworkError(new TypeError('Failed to fetch'));
        sent.push([code, scannedAt]);
        return result(code);
      },
    });
    expect(await queue.scan(' CK1.aaa ')).toEqual({ kind: 'queued' });
    expect(await queue.scan('CK1.aaa')).toEqual({ kind: 'queued' });
    clock += 60_000;
    await queue.scan('CK1.bbb');
    expect(kv.get(CHECKIN_QUEUE_KEY)).toEqual([
      { code: 'CK1.aaa', scannedAt: '2026-12-01T01:05:00.000Z' },
      { code: 'CK1.bbb', scannedAt: '2026-12-01T01:06:00.000Z' },
    ]);
    clock += 3_600_000;
    online = true;
    const done = await queue.flush();
    expect(done.map((d) => d.kind)).toEqual(['ok', 'ok']);
    expect(sent).toEqual([
      ['CK1.aaa', '2026-12-01T01:05:00.000Z'],
      ['CK1.bbb', '2026-12-01T01:06:00.000Z'],
    ]);
    expect(queue.pending()).toEqual([]);
  });

  it('settles refusals and 已签到过, and keeps a scan the server could not answer (5xx)', async () => {
    const kv = memoryKv();
    const answers: Record<string, () => never> = {
      'CK1.dup': () => {
        throw new ApiError(409, 'ALREADY_CHECKED_IN', '已经签到过了');
      },
      'CK1.bad': () => {
        throw new ApiError(400, 'INVALID_CODE', '签到码无效或已过期');
      },
      'CK1.busy': () => {
        throw new ApiError(503, 'INTERNAL', '服务器忙');
      },
    };
    const queue = createCheckInQueue({
      kv,
      send: async (code) => (answers[code] ? answers[code]() : result(code)),
    });
    const dup = await queue.scan('CK1.dup');
    expect(outcomeText(dup)).toBe('已签到过');
    const bad = await queue.scan('CK1.bad');
    expect(bad).toEqual({ kind: 'refused', status: 400, message: '签到码无效或已过期' });
    expect(outcomeText(await queue.scan('CK1.ok'))).toBe('李秀兰 签到成功');
    expect((await queue.scan('CK1.busy')).kind).toBe('queued');
    expect(queue.pending().map((p) => p.code)).toEqual(['CK1.busy']);
    // A flush stops at the first scan still unanswered and keeps it.
    expect(await queue.flush()).toEqual([]);
    expect(queue.pending()).toHaveLength(1);
  });
});

describe('chart scaling', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ so a bar and the target line share one scale', () => {
    expect(niceMax([])).toBe(1);
    expect(niceMax([0, null])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([120, 2400])).toBe(5000);
    expect(niceMax([1000])).toBe(1000);
    expect(niceMax([1001])).toBe(2000);
    expect(percent(250, 1000)).toBe(25);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(null, 10)).toBe(0);
    expect(percent(20, 10)).toBe(100);
  });

  it('says the ratio to the 2× target in words', () => {
    expect(ratioText(null)).toBe('未填在校生规模');
    expect(ratioText(0.456)).toBe('完成 46%');
    expect(ratioText(1.12)).toBe('已达标 112%');
  });
});

describe('发布活动 form', () => {
  const now = Date.parse('2026-12-01T09:10:00+08:00');
  const filled = {
    ...defaultForm(now),
    title: '秸秆还田现场课',
    county: '双辽市' as const,
    township: '卧虎镇',
    address: '村委会大院',
  };

  it('defaults to a day starting within the hour, sign-up open from now until the start', () => {
    const f = defaultForm(now);
    expect(f).toMatchObject({ date: '2026-12-01', startTime: '10:00', endTime: '12:00' });
    expect(f.signupOpensAt).toBe('2026-12-01 09:09');
    expect(f.signupClosesAt).toBe('2026-12-01 10:00');
    expect(instant('2026-12-01', '10:00')).toBe('2026-12-01T10:00:00+08:00');
  });

  it('defaults to a form the shared schema accepts at any time of day, evenings included', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
      const at = Date.parse('2026-12-01T00:00:00+08:00') + minutes * 60_000;
      const checked = checkPublish(
        { ...defaultForm(at), title: '秸秆还田', county: '双辽市', township: '卧虎镇', address: '村委会' },
        'shuangliao-vocational',
      );
      expect({ minutes, ok: checked.ok }).toEqual({ minutes, ok: true });
    }
    // 21:10 in Siping: 22:00–24:00 would end on the next day, so tomorrow 09:00–11:00.
    expect(defaultForm(Date.parse('2026-12-01T21:10:00+08:00'))).toMatchObject({
      date: '2026-12-02',
      startTime: '09:00',
      endTime: '11:00',
      signupClosesAt: '2026-12-02 09:00',
    });
    // 01:40: the small hours become 09:00 the same day.
    expect(defaultForm(Date.parse('2026-12-02T01:40:00+08:00'))).toMatchObject({
      date: '2026-12-02',
      startTime: '09:00',
    });
  });

  it('builds a body the shared schema accepts, with the rules only when set', () => {
    const checked = checkPublish({ ...filled, minAge: '50', enrolment: 'lottery' }, 'shuangliao-vocational');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({
      kind: 'outreach',
      schoolId: 'shuangliao-vocational',
      county: '双辽市',
      place: { township: '卧虎镇', address: '村委会大院' },
      startsAt: '2026-12-01T10:00:00+08:00',
      endsAt: '2026-12-01T12:00:00+08:00',
      capacity: 40,
      enrolment: 'lottery',
      minAge: 50,
    });
    expect(toActivityInput(filled, 'x')).not.toHaveProperty('residentsOnly');
  });

  it('builds a weekly term and reports the schema’s messages by field', () => {
    const weekly = toActivityInput(
      { ...filled, timing: 'weekly', weekday: '2', firstDate: '2027-03-02', lastDate: '2027-06-29' },
      'x',
    );
    expect(weekly.schedule).toMatchObject({ weekday: 2, firstDate: '2027-03-02', lastDate: '2027-06-29' });
    const bad = checkPublish({ ...filled, title: '', endTime: '09:00' }, 'shuangliao-vocational');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors)).toContain('title');
  });

  it('finds the schools a login works for', () => {
    expect(staffSchools(['user', 'staff:shuangliao-vocational', 'admin'])).toEqual(['shuangliao-vocational']);
    expect(staffSchools(['user', 'school-admin:lishu-vocational'])).toEqual(['lishu-vocational']);
  });
});

describe('编辑活动 form', () => {
  const published = {
    id: 'act-1',
    kind: 'outreach',
    title: '玉米秸秆还田技术',
    description: '现场讲解',
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: { township: '茂林镇', village: '新发村', address: '村委会' },
    startsAt: '2026-12-20T09:00:00+08:00',
    endsAt: '2026-12-20T11:30:00+08:00',
    sessions: [{ startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T11:30:00+08:00' }],
    capacity: 40,
    signupOpensAt: '2026-12-01T08:00:00+08:00',
    signupClosesAt: '2026-12-19T18:00:00+08:00',
  } as unknown as Activity;

  it('fills the form from the published activity and sends only what may change', () => {
    const form = fromActivity(published);
    expect(form).toMatchObject({
      title: '玉米秸秆还田技术',
      date: '2026-12-20',
      startTime: '09:00',
      endTime: '11:30',
      capacity: '40',
      village: '新发村',
    });
    const checked = checkRevise({ ...form, capacity: '60' }, published);
    expect(checked.ok && checked.value).toEqual({
      title: '玉米秸秆还田技术',
      description: '现场讲解',
      place: { township: '茂林镇', village: '新发村', address: '村委会' },
      capacity: 60,
      startsAt: '2026-12-20T09:00:00+08:00',
      endsAt: '2026-12-20T11:30:00+08:00',
      signupOpensAt: '2026-12-01T08:00:00+08:00',
      signupClosesAt: '2026-12-19T18:00:00+08:00',
    });
  });

  it('keeps a term’s times, which its schedule decides, and refuses a bad capacity', () => {
    const term = { ...published, sessions: [published.sessions[0], published.sessions[0]] } as Activity;
    const checked = checkRevise(fromActivity(term), term);
    expect(checked.ok && 'startsAt' in checked.value).toBe(false);
    const bad = checkRevise({ ...fromActivity(published), capacity: '-3' }, published);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.capacity).toMatch(/名额/);
  });
});

describe('发布活动: map point and skipped dates', () => {
  it('sends the map point as numbers and a term’s skipped dates as a list', () => {
    const form = {
      ...defaultForm(Date.parse('2026-12-01T08:00:00+08:00')),
      mapPoint: '43.16, 124.35',
      timing: 'weekly' as const,
      skipDates: '2026-12-29，2027-01-05',
    };
    const body = toActivityInput(form, 'lishu-senior-univ') as {
      place: Record<string, unknown>;
      schedule: { skipDates: string[] };
    };
    expect(body.place).toMatchObject({ latitude: 43.16, longitude: 124.35 });
    expect(body.schedule.skipDates).toEqual(['2026-12-29', '2027-01-05']);
  });

  it('lets the shared schema refuse a map point that is not two numbers', () => {
    const form = {
      ...defaultForm(),
      title: '秸秆还田',
      county: '双辽市' as const,
      township: '卧虎镇',
      address: '村委会',
      mapPoint: '北边',
    };
    const checked = checkPublish(form, 'shuangliao-vocational');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).some((k) => k.startsWith('place.latitude'))).toBe(true);
  });
});
