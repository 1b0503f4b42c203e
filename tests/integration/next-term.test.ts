import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';
import { STAFF_LISHU, STAFF_SHUANGLIAO } from '../support/fixtures';
import { dayjs, inZone, toIso } from '../../shared/time';

/**
 * Next term in one tap (issue 15): staff copy a weekly class to new dates with its content, school and rules;
 * the previous term's sign-ups are marked with the next term while its sign-up is open, and the same attendee
 * signs up again with one request.
 */
useSeededTable();
const api = handlerApi();
const SENIOR = 'senior-next-term';
const GRANDMA = { name: '李桂兰', phone: '13604341001', birthYear: 1956 };

/** A weekly 老年大学 class: Tuesdays 09:00–11:00 from next week for 6 weeks, term-limited. */
async function weeklyClass(): Promise<string> {
  const firstTuesday = inZone().add(7, 'day').day(2);
  const res = await api.call('POST', '/staff/activities', {
    ...STAFF_SHUANGLIAO,
    body: {
      kind: 'senior',
      title: '书法班（测试）',
      description: '每周二上午',
      schoolId: 'shuangliao-vocational',
      county: '双辽市',
      place: { township: '郑家屯街道', address: '职教中心 3 楼' },
      startsAt: toIso(firstTuesday.hour(9).minute(0).second(0)),
      endsAt: toIso(firstTuesday.add(35, 'day').hour(11).minute(0).second(0)),
      schedule: {
        weekday: 2,
        startTime: '09:00',
        endTime: '11:00',
        firstDate: firstTuesday.format('YYYY-MM-DD'),
        lastDate: firstTuesday.add(35, 'day').format('YYYY-MM-DD'),
      },
      capacity: 20,
      signupOpensAt: toIso(dayjs().subtract(1, 'hour')),
      signupClosesAt: toIso(firstTuesday.subtract(1, 'day')),
      term: '2026秋季',
      termLimit: 2,
      minAge: 50,
    },
  });
  expect(res.status).toBe(201);
  expect(res.body.sessions).toHaveLength(6);
  return res.body.id as string;
}

describe('下一期 and 续报', () => {
  it('copies a weekly class to next term with its rules, and the senior re-enrols with the same attendee', async () => {
    const id = await weeklyClass();
    const first = await api.call('POST', '/signups', {
      user: SENIOR,
      body: { activityId: id, attendee: GRANDMA },
    });
    expect(first.status).toBe(201);

    const start = inZone().add(120, 'day').day(3).hour(14).minute(0).second(0); // a Wednesday
    const skip = start.add(14, 'day').format('YYYY-MM-DD');
    const copy = await api.call('POST', `/staff/activities/${id}/copy`, {
      ...STAFF_SHUANGLIAO,
      body: {
        startsAt: toIso(start),
        endsAt: toIso(start.add(28, 'day').hour(16)),
        signupOpensAt: toIso(dayjs().subtract(10, 'minute')),
        signupClosesAt: toIso(start.subtract(2, 'day')),
        skipDates: [skip],
      },
    });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      previousId: id,
      title: '书法班（测试）',
      kind: 'senior',
      schoolId: 'shuangliao-vocational',
      capacity: 20,
      minAge: 50,
      termLimit: 2,
    });
    expect(copy.body.term).not.toBe('2026秋季');
    // Wednesdays 14:00–16:00, five weeks less the skipped one.
    expect(copy.body.sessions).toHaveLength(4);
    for (const s of copy.body.sessions as Array<{ startsAt: string; endsAt: string }>) {
      expect(inZone(s.startsAt).day()).toBe(3);
      expect(inZone(s.startsAt).format('HH:mm')).toBe('14:00');
      expect(inZone(s.endsAt).format('HH:mm')).toBe('16:00');
      expect(inZone(s.startsAt).format('YYYY-MM-DD')).not.toBe(skip);
    }
    expect((await api.call('GET', `/activities/${id}`)).body.nextActivityId).toBe(copy.body.id);

    const mine = await api.call('GET', '/signups/mine', { user: SENIOR });
    const item = mine.body.items.find((s: { id: string }) => s.id === first.body.id);
    expect(item.nextActivityId).toBe(copy.body.id);

    // 续报: one request, the same attendee.
    const again = await api.call('POST', '/signups', {
      user: SENIOR,
      body: { activityId: item.nextActivityId, attendee: item.attendee },
    });
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('confirmed');
  });

  it('a place given up is not offered the next term', async () => {
    const id = await weeklyClass();
    const made = await api.call('POST', '/signups', {
      user: 'senior-cancelled',
      body: { activityId: id, attendee: { ...GRANDMA, phone: '13604341003' } },
    });
    expect((await api.call('DELETE', `/signups/${made.body.id}`, { user: 'senior-cancelled' })).status).toBe(
      200,
    );
    const start = inZone().add(120, 'day').hour(9).minute(0).second(0);
    const copy = await api.call('POST', `/staff/activities/${id}/copy`, {
      ...STAFF_SHUANGLIAO,
      body: {
        startsAt: toIso(start),
        endsAt: toIso(start.add(21, 'day').hour(11)),
        signupOpensAt: toIso(dayjs().subtract(10, 'minute')),
        signupClosesAt: toIso(start.subtract(2, 'day')),
      },
    });
    expect(copy.status).toBe(201);
    const mine = await api.call('GET', '/signups/mine', { user: 'senior-cancelled' });
    expect(mine.body.items[0]).toMatchObject({ status: 'cancelled' });
    expect(mine.body.items[0].nextActivityId).toBeUndefined();
  });

  it('a next term whose sign-up has closed is not offered', async () => {
    const id = await weeklyClass();
    const made = await api.call('POST', '/signups', {
      user: 'senior-closed',
      body: { activityId: id, attendee: { ...GRANDMA, phone: '13604341002' } },
    });
    expect(made.status).toBe(201);
    const start = inZone().add(1, 'day').hour(9).minute(0).second(0);
    const copy = await api.call('POST', `/staff/activities/${id}/copy`, {
      ...STAFF_SHUANGLIAO,
      body: {
        startsAt: toIso(start),
        endsAt: toIso(start.add(21, 'day').hour(11)),
        signupOpensAt: toIso(dayjs().subtract(2, 'day')),
        signupClosesAt: toIso(dayjs().subtract(1, 'hour')),
      },
    });
    expect(copy.status).toBe(201);
    const mine = await api.call('GET', '/signups/mine', { user: 'senior-closed' });
    expect(mine.body.items[0].nextActivityId).toBeUndefined();
  });

  it('another school’s staff get 403; impossible dates are 400 naming the field', async () => {
    const id = await weeklyClass();
    const start = inZone().add(100, 'day');
    const body = {
      startsAt: toIso(start),
      endsAt: toIso(start.add(28, 'day')),
      signupOpensAt: toIso(dayjs()),
      signupClosesAt: toIso(start.subtract(1, 'day')),
    };
    expect((await api.call('POST', `/staff/activities/${id}/copy`, { ...STAFF_LISHU, body })).status).toBe(
      403,
    );
    const backwards = await api.call('POST', `/staff/activities/${id}/copy`, {
      ...STAFF_SHUANGLIAO,
      body: { ...body, endsAt: toIso(start.subtract(1, 'day')) },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].field).toBe('endsAt');
  });
});
