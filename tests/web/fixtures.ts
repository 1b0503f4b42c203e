import { act, fireEvent } from '@testing-library/react';
import type { Activity } from '@shared/schemas/activity';

/** A tap, with React's updates flushed before the test reads the screen. */
export const click = (el: Element) => act(() => void fireEvent.click(el));

/** A one-session 送教下乡 day with seats left, as GET /activities/{id} gives it; override what a test reads. */
export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act-1',
    kind: 'outreach',
    title: '秸秆还田现场课',
    description: '',
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '村委会大院' },
    startsAt: '2027-03-08T09:00:00+08:00',
    endsAt: '2027-03-08T11:00:00+08:00',
    sessions: [{ startsAt: '2027-03-08T09:00:00+08:00', endsAt: '2027-03-08T11:00:00+08:00' }],
    capacity: 40,
    seatsLeft: 40,
    waitlistLength: 0,
    signupOpensAt: '2027-03-01T09:00:00+08:00',
    signupClosesAt: '2027-03-07T18:00:00+08:00',
    status: 'open',
    cancelReason: null,
    createdAt: '2027-02-28T00:00:00+08:00',
    updatedAt: '2027-02-28T00:00:00+08:00',
    ...overrides,
  } as Activity;
}
