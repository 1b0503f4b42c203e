import {
  activityStatus,
  expandWeeklySchedule,
  newActivityRecord,
  toActivityView,
} from '../../functions/domain/activities/activity';
import { canManageSchool, canReadSignup, managedSchools } from '../../functions/domain/access';
import { pageAfter } from '../../functions/domain/catalog/catalog';
import {
  attendeeKey,
  missingAttendeeFields,
  newSignupId,
  requestHash,
} from '../../functions/domain/signups/signup';
import { DomainError } from '../../functions/domain/errors';
import { dayjs, formatSessionTime, toIso } from '../../shared/time';

const base = {
  kind: 'senior' as const,
  title: '书法入门',
  description: '',
  schoolId: 'lishu-senior-univ',
  county: '梨树县' as const,
  place: { township: '梨树镇', address: '老年大学二楼' },
  startsAt: '2026-12-08T09:00:00+08:00',
  endsAt: '2026-12-08T11:00:00+08:00',
  capacity: 30,
  signupOpensAt: '2026-12-01T08:00:00+08:00',
  signupClosesAt: '2026-12-07T18:00:00+08:00',
};

describe('activity rules', () => {
  it('derives weekly sessions in Beijing time and skips the named dates', () => {
    const sessions = expandWeeklySchedule({
      weekday: 2,
      startTime: '09:00',
      endTime: '10:30',
      firstDate: '2026-12-07',
      lastDate: '2027-01-05',
      skipDates: ['2026-12-29'],
    });
    expect(sessions.map((s) => s.startsAt)).toEqual([
      '2026-12-08T09:00:00+08:00',
      '2026-12-15T09:00:00+08:00',
      '2026-12-22T09:00:00+08:00',
      '2027-01-05T09:00:00+08:00',
    ]);
    expect(sessions[0]?.endsAt).toBe('2026-12-08T10:30:00+08:00');
  });

  it('treats weekday 7 as Sunday', () => {
    const [first] = expandWeeklySchedule({
      weekday: 7,
      startTime: '14:00',
      endTime: '15:00',
      firstDate: '2026-12-01',
      lastDate: '2026-12-31',
      skipDates: [],
    });
    expect(first?.startsAt).toBe('2026-12-06T14:00:00+08:00');
  });

  it('spans a term from its first session to its last', () => {
    const record = newActivityRecord(
      {
        ...base,
        schedule: {
          weekday: 2,
          startTime: '09:00',
          endTime: '10:30',
          firstDate: '2026-12-08',
          lastDate: '2026-12-22',
          skipDates: [],
        },
      },
      { id: 'act-x', createdBy: 'test', now: Date.parse('2026-12-01T00:00:00Z') },
    );
    expect(record.sessions).toHaveLength(3);
    expect(record.startsAt).toBe('2026-12-08T09:00:00+08:00');
    expect(record.endsAt).toBe('2026-12-22T10:30:00+08:00');
  });

  it('is open only inside the sign-up window, and cancelled whatever the time', () => {
    const record = newActivityRecord(base, { id: 'act-y', createdBy: 't', now: 0 });
    expect(activityStatus(record, Date.parse('2026-11-30T23:00:00+08:00'))).toBe('closed');
    expect(activityStatus(record, Date.parse('2026-12-03T12:00:00+08:00'))).toBe('open');
    expect(activityStatus(record, Date.parse('2026-12-07T18:00:00+08:00'))).toBe('closed');
    expect(activityStatus({ ...record, cancelled: true }, Date.parse('2026-12-03T12:00:00+08:00'))).toBe(
      'cancelled',
    );
  });

  it('reports seats left and the waitlist from the counters', () => {
    const record = {
      ...newActivityRecord(base, { id: 'act-z', createdBy: 't', now: 0 }),
      capacity: 5,
      confirmedCount: 5,
      waitlistCount: 3,
    };
    expect(toActivityView(record, 0)).toMatchObject({ seatsLeft: 0, waitlistLength: 3 });
    expect(toActivityView({ ...record, confirmedCount: 2, waitlistCount: 0 }, 0).seatsLeft).toBe(3);
  });
});

describe('sign-up rules', () => {
  it('recognises the same person however the name is spaced', () => {
    expect(attendeeKey({ name: '王 秀兰', phone: '13800138000' })).toBe(
      attendeeKey({ name: '王秀兰', phone: '13800138000' }),
    );
    expect(attendeeKey({ name: '王秀兰', phone: '13800138000' })).not.toBe(
      attendeeKey({ name: '王秀英', phone: '13800138000' }),
    );
  });

  it('asks 老年大学 for a birth year and 送教下乡 for a village', () => {
    expect(missingAttendeeFields('senior', { name: '王', phone: '13800138000' })).toEqual([
      { field: 'attendee.birthYear', message: '老年大学报名需要填写出生年份' },
    ]);
    expect(missingAttendeeFields('outreach', { name: '王', phone: '13800138000' })[0]?.field).toBe(
      'attendee.village',
    );
    expect(missingAttendeeFields('training', { name: '王', phone: '13800138000' })).toEqual([]);
  });

  it('hashes requests independently of key order', () => {
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });

  it('makes sign-up ids that sort by time', () => {
    const a = newSignupId(Date.parse('2026-12-01T00:00:00Z'));
    const b = newSignupId(Date.parse('2026-12-01T00:00:01Z'));
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });
});

describe('access rules', () => {
  const staff = { userId: 'staff-a', roles: ['user', 'staff:school-a'] as const };
  const admin = { userId: 'admin', roles: ['user', 'admin'] as const };
  it('lets staff manage only their school and the admin every school', () => {
    expect(canManageSchool({ ...staff, roles: [...staff.roles] }, 'school-a')).toBe(true);
    expect(canManageSchool({ ...staff, roles: [...staff.roles] }, 'school-b')).toBe(false);
    expect(managedSchools({ ...admin, roles: [...admin.roles] })).toBe('all');
  });

  it('shows a sign-up to its owner and the organising school only', () => {
    const signup = { userId: 'u1' };
    expect(canReadSignup({ userId: 'u1', roles: ['user'] }, signup, null)).toBe(true);
    expect(canReadSignup({ userId: 'u2', roles: ['user'] }, signup, { schoolId: 'school-a' })).toBe(false);
    expect(canReadSignup({ ...staff, roles: [...staff.roles] }, signup, { schoolId: 'school-a' })).toBe(true);
    expect(canReadSignup({ ...staff, roles: [...staff.roles] }, signup, { schoolId: 'school-b' })).toBe(
      false,
    );
  });
});

describe('catalog paging', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({ id: `m-${i}` }));
  it('pages after the last id and ends with a null cursor', () => {
    const first = pageAfter(items, undefined, 2);
    expect(first.items.map((i) => i.id)).toEqual(['m-0', 'm-1']);
    const second = pageAfter(items, first.nextCursor ?? undefined, 2);
    expect(second.items.map((i) => i.id)).toEqual(['m-2', 'm-3']);
    const last = pageAfter(items, second.nextCursor ?? undefined, 2);
    expect(last).toEqual({ items: [{ id: 'm-4' }], nextCursor: null });
  });

  it('refuses a cursor it did not make', () => {
    expect(() => pageAfter(items, 'bm90LWpzb24', 2)).toThrow(DomainError);
  });
});

describe('time', () => {
  it('formats a start time as a card shows it', () => {
    expect(formatSessionTime('2026-12-08T09:00:00+08:00')).toBe('12月8日 周二 09:00');
    expect(formatSessionTime('2026-12-08T01:00:00Z')).toBe('12月8日 周二 09:00');
  });
  it('writes every instant with +08:00', () => {
    expect(toIso(dayjs('2026-12-20T01:00:00Z'))).toBe('2026-12-20T09:00:00+08:00');
  });
});
