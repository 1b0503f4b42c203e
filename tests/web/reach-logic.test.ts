/**
 * Issue 15's rules on the phone, without a screen: 续报's request, 现场报名's checks, which roster rows are 已签到,
 * 下一期's dates, 离我最近's rounding, and what 注销账号 says and forgets.
 */
import type { Attendee, SignupWithActivity } from '@shared/schemas/signup';
import { renewable } from '@/lib/renewal';
import { findRenewal, renewalOf, snapshotOf } from '@/packages/activity/lib/renewal';
import { locate } from '@/packages/activity/lib/locate.h5';
import { distanceText, nearParam, roughly, townshipsOf } from '@/packages/activity/lib/nearby';
import {
  CLOSE_ACCOUNT_EFFECTS,
  exportFileName,
  exportSummary,
  forgetLocalData,
  hasStaffRole,
} from '@/packages/mine/lib/account';
import { checkNextTerm, defaultNextTerm, toCopyInput } from '@/packages/staff/lib/next-term';
import {
  checkInLabel,
  checkedInNow,
  checkWalkIn,
  createTickStore,
  currentSession,
  walkInFieldErrors,
} from '@/packages/staff/lib/roster';
import { memoryKv } from '@/services/kv';
import type { OutboxEntry } from '@/services/outbox';
import { anActivity } from './fixtures';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const grandma: Attendee = {
  name: '张桂兰',
  phone: '13800138000',
  birthYear: 1956,
  relation: '母亲',
  residence: '梨树县',
};

const mine = (over: Partial<SignupWithActivity> = {}): SignupWithActivity => ({
  id: 'su-1',
  activityId: 'act-1',
  userId: 'u-1',
  status: 'confirmed',
  attendee: grandma,
  createdAt: '2026-09-01T09:00:00+08:00',
  updatedAt: '2026-09-01T09:00:00+08:00',
  activity: {
    title: '智能手机入门',
    kind: 'senior',
    startsAt: '2026-09-08T09:00:00+08:00',
    endsAt: '2026-12-29T11:00:00+08:00',
    place: { township: '梨树镇', address: '老年大学' },
    cancelReason: null,
    status: 'scheduled',
  },
  ...over,
});

describe('续报', () => {
  it('sends the next term with exactly the attendee of this term', () => {
    const body = renewalOf({ nextActivityId: 'act-2', attendee: grandma });
    expect(body).toEqual({ activityId: 'act-2', attendee: grandma });
    expect(body.attendee).not.toBe(grandma);
  });

  it('is offered while the same person is not on the next term yet', () => {
    const now = mine({ nextActivityId: 'act-2' });
    expect(renewable(now, [now])).toBe(true);
    expect(renewable(mine(), [mine()])).toBe(false);
    const again = mine({ id: 'su-2', activityId: 'act-2' });
    expect(renewable(now, [again, now])).toBe(false);
    // Someone else of the family on the next term, or a cancelled sign-up there, leaves it offered.
    const husband = mine({ id: 'su-3', activityId: 'act-2', attendee: { ...grandma, name: '李国庆' } });
    const cancelled = mine({ id: 'su-4', activityId: 'act-2', status: 'cancelled' });
    expect(renewable(now, [husband, cancelled, now])).toBe(true);
  });

  it('reuses a 续报 already on the phone for the person and term, but not a refused one', () => {
    const entry = (state: OutboxEntry['state'], over: Partial<OutboxEntry> = {}): OutboxEntry => ({
      key: `k-${state}`,
      activityId: 'act-2',
      activity: snapshotOf(anActivity({ id: 'act-2' })),
      attendee: grandma,
      state,
      createdAt: '2027-02-20T09:00:00+08:00',
      attempts: 1,
      ...over,
    });
    const body = renewalOf({ nextActivityId: 'act-2', attendee: grandma });
    expect(findRenewal([entry('failed')], body)).toBeUndefined();
    expect(findRenewal([entry('failed'), entry('pending')], body)?.key).toBe('k-pending');
    expect(findRenewal([entry('sent', { activityId: 'act-9' })], body)).toBeUndefined();
    expect(findRenewal([entry('sent')], body)?.key).toBe('k-sent');
  });
});

describe('现场报名 form', () => {
  const form = { name: '王大山', phone: '13912345678', birthYear: '', village: '新立村' };

  it('sends name, phone and the village checked by WalkInInputSchema', () => {
    expect(checkWalkIn(form, 'outreach')).toEqual({
      ok: true,
      value: { attendee: { name: '王大山', phone: '13912345678', village: '新立村' } },
    });
  });

  it('reads a phone typed with spaces, dashes or full-width digits, and a birth year as a number', () => {
    const typed = { ...form, phone: '139 1234-5678', birthYear: '１９５６' };
    expect(checkWalkIn(typed, 'senior')).toEqual({
      ok: true,
      value: { attendee: { name: '王大山', phone: '13912345678', birthYear: 1956, village: '新立村' } },
    });
  });

  it('names each problem under its box, with what the kind requires', () => {
    const empty = { name: '', phone: '', birthYear: '', village: '' };
    expect(checkWalkIn(empty, 'outreach')).toEqual({
      ok: false,
      errors: { name: '请填写姓名', phone: '请填写手机号', village: '送教下乡报名需要填写所在村屯' },
    });
    expect(checkWalkIn({ ...form, phone: '1391234', birthYear: '56' }, 'senior')).toEqual({
      ok: false,
      errors: { phone: '请填写 11 位手机号，例如 13800138000', birthYear: '出生年份不太对，请检查' },
    });
    expect(checkWalkIn({ ...form, village: '' }, 'training').ok).toBe(true);
  });

  it('puts the server’s field refusals under the boxes', () => {
    expect(
      walkInFieldErrors([
        { field: 'attendee.phone', message: '手机号不对' },
        { field: 'other', message: 'x' },
      ]),
    ).toEqual({ phone: '手机号不对' });
  });
});

describe('名单签到: which rows are 已签到 for the session under way', () => {
  const at = (iso: string) => Date.parse(iso);
  const weekly = [
    { startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T11:00:00+08:00' },
    { startsAt: '2027-03-09T09:00:00+08:00', endsAt: '2027-03-09T11:00:00+08:00', cancelled: true },
    { startsAt: '2027-03-16T09:00:00+08:00', endsAt: '2027-03-16T11:00:00+08:00' },
  ];

  it('is the session under way or next, a cancelled one passed over; none after the last', () => {
    expect(currentSession(weekly, at('2027-03-01T12:00:00+08:00'))).toBe(0);
    expect(currentSession(weekly, at('2027-03-02T22:00:00+08:00'))).toBe(0);
    expect(currentSession(weekly, at('2027-03-03T00:00:00+08:00'))).toBe(2);
    expect(currentSession(weekly, at('2027-03-17T00:00:00+08:00'))).toBeNull();
  });

  it('counts check-ins against the sessions held so far, or what this phone ticked', () => {
    const third = at('2027-03-16T09:30:00+08:00');
    const row = (checkInCount: number) => ({ id: 'su-1', checkInCount });
    expect(checkedInNow(row(1), weekly, new Set(), third)).toBe(false);
    expect(checkedInNow(row(2), weekly, new Set(), third)).toBe(true);
    expect(checkedInNow(row(1), weekly, new Set(['su-1']), third)).toBe(true);
    const oneDay = weekly.slice(0, 1);
    expect(checkedInNow(row(1), oneDay, new Set(), at('2027-03-02T09:00:00+08:00'))).toBe(true);
    expect(checkedInNow(row(0), oneDay, new Set(), at('2027-03-02T09:00:00+08:00'))).toBe(false);
  });

  it('labels walk-ins 现场 and keeps ticks per activity and session', () => {
    expect(checkInLabel({ walkIn: true }, true)).toBe('现场 · 已签到');
    expect(checkInLabel({ walkIn: true }, false)).toBe('现场');
    expect(checkInLabel({}, true)).toBe('已签到');
    expect(checkInLabel({}, false)).toBe('');
    const kv = memoryKv();
    const ticks = createTickStore(kv);
    ticks.add('act-1', 0, 'su-1');
    ticks.add('act-1', 0, 'su-2');
    ticks.add('act-1', 2, 'su-1');
    expect([...ticks.get('act-1', 0)]).toEqual(['su-1', 'su-2']);
    expect([...ticks.get('act-1', 2)]).toEqual(['su-1']);
    expect(ticks.get('act-2', 0).size).toBe(0);
    for (let i = 0; i < 40; i += 1) ticks.add(`act-x${i}`, 0, 'su-9');
    expect(Object.keys(kv.get<Record<string, string[]>>('sp.staff.ticks') ?? {})).toHaveLength(30);
  });
});

describe('下一期', () => {
  const term = anActivity({
    kind: 'senior',
    startsAt: '2026-09-08T09:00:00+08:00',
    endsAt: '2026-09-29T11:00:00+08:00',
    signupClosesAt: '2026-09-07T18:00:00+08:00',
    sessions: [8, 15, 22, 29].map((d) => ({
      startsAt: `2026-09-${String(d).padStart(2, '0')}T09:00:00+08:00`,
      endsAt: `2026-09-${String(d).padStart(2, '0')}T11:00:00+08:00`,
    })),
  });

  it('starts the week after this term, on the same weekday and times, sign-up open from now', () => {
    const now = Date.parse('2026-09-20T10:00:00+08:00');
    expect(defaultNextTerm(term, now)).toEqual({
      firstDate: '2026-10-06',
      lastDate: '2026-10-27',
      startTime: '09:00',
      endTime: '11:00',
      signupOpensAt: '2026-09-20 10:00',
      signupClosesAt: '2026-10-05 18:00',
      skipDates: '',
      term: '',
    });
    // Long after the term, it moves on by whole terms into the future.
    expect(defaultNextTerm(term, Date.parse('2026-12-01T10:00:00+08:00')).firstDate).toBe('2026-12-29');
  });

  it('sends the first class’s start and the last class’s end, with 停课日期, and checks with the shared schema', () => {
    const f = {
      ...defaultNextTerm(term, Date.parse('2026-09-20T10:00:00+08:00')),
      skipDates: '2026-10-13，2026-10-20',
    };
    expect(toCopyInput(f, true)).toEqual({
      startsAt: '2026-10-06T09:00:00+08:00',
      endsAt: '2026-10-27T11:00:00+08:00',
      signupOpensAt: '2026-09-20T10:00:00+08:00',
      signupClosesAt: '2026-10-05T18:00:00+08:00',
      skipDates: ['2026-10-13', '2026-10-20'],
    });
    expect(checkNextTerm(f, true).ok).toBe(true);
    expect(checkNextTerm({ ...f, startTime: '９：００' }, true).ok).toBe(true);
    expect(checkNextTerm({ ...f, startTime: '9点' }, true)).toEqual({
      ok: false,
      errors: { startTime: '时间格式应为 09:00' },
    });
    expect(checkNextTerm({ ...f, signupClosesAt: '2026-09-01 09:00' }, true)).toEqual({
      ok: false,
      errors: { signupClosesAt: '报名截止时间应晚于报名开始时间' },
    });
    expect(checkNextTerm({ ...f, skipDates: '2026-02-30' }, true)).toEqual({
      ok: false,
      errors: { skipDates: '日期不存在' },
    });
  });

  it('a one-day activity has one date: the end is that day’s end time', () => {
    const day = anActivity();
    const f = defaultNextTerm(day, Date.parse('2027-03-01T10:00:00+08:00'));
    expect(f.firstDate).toBe('2027-03-15');
    expect(f.lastDate).toBe('');
    expect(toCopyInput(f, false)).toMatchObject({
      startsAt: '2027-03-15T09:00:00+08:00',
      endsAt: '2027-03-15T11:00:00+08:00',
    });
  });
});

describe('离我最近', () => {
  it('keeps two decimals (about a kilometre) and writes latitude,longitude', () => {
    expect(roughly({ lat: 43.166789, lng: 124.354321 })).toEqual({ lat: 43.17, lng: 124.35 });
    expect(nearParam({ lat: 43.1, lng: 124.349 })).toBe('43.10,124.35');
  });

  it('H5 asks the browser once, without high accuracy, and rounds the answer', async () => {
    const getCurrentPosition = jest.fn(
      (ok: PositionCallback, _fail?: PositionErrorCallback | null, _options?: PositionOptions) =>
        ok({ coords: { latitude: 43.501234, longitude: 124.049876 } } as GeolocationPosition),
    );
    const geo = { getCurrentPosition } as unknown as Geolocation;
    await expect(locate(geo)).resolves.toEqual({ lat: 43.5, lng: 124.05 });
    expect(getCurrentPosition.mock.calls[0]?.[2]).toMatchObject({ enableHighAccuracy: false });
  });

  it('a refusal, or no geolocation at all, rejects (the list stays as it was)', async () => {
    const denied = {
      getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) =>
        fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
    } as unknown as Geolocation;
    await expect(locate(denied)).rejects.toMatchObject({ code: 1 });
    await expect(locate(undefined)).rejects.toThrow();
  });

  it('says how far in whole kilometres, and lists each township once in the list’s order', () => {
    expect(distanceText(0.4)).toBe('1 公里以内');
    expect(distanceText(3.4)).toBe('约 3 公里');
    expect(distanceText(12.6)).toBe('约 13 公里');
    const at = (township: string) => ({ place: { township, address: '' } });
    expect(townshipsOf([at('梨树镇'), at('郭家店镇'), at(' 梨树镇 '), at('')])).toEqual([
      '梨树镇',
      '郭家店镇',
    ]);
  });
});

describe('账号与数据', () => {
  it('says in plain words what 注销 does before anything happens', () => {
    const text = CLOSE_ACCOUNT_EFFECTS.join('\n');
    for (const said of ['候补', '姓名、手机号', '培训人次', '家庭成员', '退出登录', '不能恢复']) {
      expect(text).toContain(said);
    }
    expect(hasStaffRole(['user'])).toBe(false);
    expect(hasStaffRole(['user', 'staff:lishu-senior-univ'])).toBe(true);
  });

  it('logs out on this phone: every key of ours but the settings, and the last attendee typed', () => {
    const stored = new Map<string, unknown>([
      ['sp.session', { token: 't' }],
      ['sp.devIdentity', 'dev:u-abc'],
      ['sp.outbox', []],
      ['sp.cache:mine:signups', {}],
      ['sp.group:act-1', {}],
      ['sp.settings', { elder: true }],
      ['other-app', 1],
    ]);
    const set = jest.fn();
    const removed = forgetLocalData(
      { keys: () => [...stored.keys()], remove: (k) => void stored.delete(k) },
      { set },
    );
    expect(removed).toHaveLength(5);
    expect([...stored.keys()]).toEqual(['sp.settings', 'other-app']);
    expect(set).toHaveBeenCalledWith({ lastAttendee: null });
  });

  it('names the export file by its day and sums it up', () => {
    expect(exportFileName('2026-12-01T10:00:00+08:00')).toBe('四平职教通-我的数据-20261201.json');
    expect(exportSummary({ signups: [{}, {}] as never, familyMembers: [{}] as never })).toBe(
      '共 2 条报名、1 位家庭成员',
    );
  });
});
