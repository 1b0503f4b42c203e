import {
  certificateSessionTag,
  formatSessionTime,
  maskPhone,
  placeText,
  resultText,
  seatsText,
  sessionsSummary,
  signupWindow,
  signupWindowText,
  statusText,
} from '@/lib/format';

describe('formatting for cards and results', () => {
  it('writes times in Beijing time as 12月8日 周二 09:00', () => {
    expect(formatSessionTime('2026-12-08T09:00:00+08:00')).toBe('12月8日 周二 09:00');
    expect(formatSessionTime('2026-12-08T01:00:00Z')).toBe('12月8日 周二 09:00');
  });

  it('says seats left, or 已满，可候补 when full', () => {
    expect(seatsText({ seatsLeft: 3, capacity: 30, status: 'open' })).toBe('剩余 3 个名额');
    expect(seatsText({ seatsLeft: 0, capacity: 30, status: 'open' })).toBe('已满，可候补');
    expect(seatsText({ seatsLeft: 0, capacity: 30, status: 'cancelled' })).toBe('已取消');
    expect(seatsText({ seatsLeft: 5, capacity: 30, status: 'closed' })).toBe('报名已结束');
  });

  it('words a result as 报名成功 or 已进入候补 with the position', () => {
    expect(resultText({ status: 'confirmed' })).toBe('报名成功');
    expect(resultText({ status: 'waitlisted', waitlistPosition: 3 })).toBe('已进入候补，第 3 位');
    expect(statusText({ status: 'waitlisted', waitlistPosition: 2 })).toBe('候补中，第 2 位');
    expect(statusText({ status: 'cancelled' })).toBe('已取消');
  });

  it('joins township, village and address without repeating', () => {
    expect(placeText({ township: '茂林镇', village: '新发村', address: '村委会院内' })).toBe(
      '茂林镇 新发村 · 村委会院内',
    );
    expect(placeText({ township: '梨树镇', address: '梨树镇' })).toBe('梨树镇');
  });

  it('knows whether sign-up is open', () => {
    const a = {
      status: 'open' as const,
      signupOpensAt: '2026-12-01T00:00:00+08:00',
      signupClosesAt: '2026-12-06T09:00:00+08:00',
    };
    expect(signupWindow(a, Date.parse('2026-11-30T12:00:00+08:00'))).toBe('not-yet');
    expect(signupWindow(a, Date.parse('2026-12-03T12:00:00+08:00'))).toBe('open');
    expect(signupWindow(a, Date.parse('2026-12-07T12:00:00+08:00'))).toBe('ended');
    expect(signupWindow({ ...a, status: 'cancelled' })).toBe('cancelled');
    expect(signupWindowText(a, Date.parse('2026-12-03T12:00:00+08:00'))).toBe('报名截止：12月6日 周日 09:00');
  });

  it('summarises a term of weekly classes', () => {
    const week = (d: number) => ({
      startsAt: `2026-12-${String(d).padStart(2, '0')}T09:00:00+08:00`,
      endsAt: `2026-12-${String(d).padStart(2, '0')}T10:30:00+08:00`,
    });
    expect(sessionsSummary({ sessions: [week(7), week(14), week(21)] })).toBe('共 3 次课，每周一');
    expect(sessionsSummary({ sessions: [week(7)] })).toBe('');
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('13904341234')).toBe('139****1234');
    expect(maskPhone('123')).toBe('123');
  });
});

describe('certificateSessionTag', () => {
  it('names the 1+X level when a session has one, and the kind in Chinese either way', () => {
    expect(certificateSessionTag({ kind: 'training', certificateLevel: '初级' })).toBe('初级 · 职业技能培训');
    expect(certificateSessionTag({ kind: 'training', certificateLevel: null })).toBe('职业技能培训');
  });
});
