import { expect } from '@jest/globals';
import type { handlerApi } from './api';
import { inZone, toIso } from '../../shared/time';

/** A 送教下乡 day whose sign-up window is open now. */
export function outreachBody(overrides: Record<string, unknown> = {}) {
  const now = inZone();
  return {
    kind: 'outreach',
    title: '肉牛养殖技术现场课（测试）',
    description: '测试用活动',
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: { township: '茂林镇', village: '新发村', address: '村委会院内' },
    startsAt: toIso(now.add(3, 'day').hour(9).minute(0).second(0)),
    endsAt: toIso(now.add(3, 'day').hour(11).minute(30).second(0)),
    capacity: 5,
    signupOpensAt: toIso(now.subtract(1, 'hour')),
    signupClosesAt: toIso(now.add(2, 'day')),
    ...overrides,
  };
}

export function attendee(i: number, extra: Record<string, unknown> = { village: '新发村' }) {
  return {
    name: `测试${String.fromCharCode(0x4e00 + i)}`,
    phone: `139${String(10000000 + i).slice(-8)}`,
    ...extra,
  };
}

export const STAFF_SHUANGLIAO = {
  user: 'staff-shuangliao-vocational',
  roles: ['user', 'staff:shuangliao-vocational'],
};
export const STAFF_LISHU = { user: 'staff-lishu-vocational', roles: ['user', 'staff:lishu-vocational'] };

/** An outreach activity of 双辽 starting in half an hour, so its check-in window is open now: its id. */
export async function publishSoon(
  api: ReturnType<typeof handlerApi>,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const now = inZone();
  const res = await api.call('POST', '/staff/activities', {
    ...STAFF_SHUANGLIAO,
    body: outreachBody({
      startsAt: toIso(now.add(30, 'minute')),
      endsAt: toIso(now.add(150, 'minute')),
      signupClosesAt: toIso(now.add(20, 'minute')),
      ...overrides,
    }),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/**
 * The limit counts per clock minute: a run of calls that straddles a minute's end is split between two
 * windows and may never reach the limit (this failed once in CI-like load, 22 sign-ups across :59/:00).
 * Start such a run early in a minute.
 */
export async function freshMinute(seconds = 20): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((r) => setTimeout(r, left + 200));
}
