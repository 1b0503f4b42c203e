import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';
import { attendee, outreachBody, STAFF_LISHU, STAFF_SHUANGLIAO } from '../support/fixtures';

const table = useSeededTable();
const api = handlerApi();

async function publish(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api.call('POST', '/staff/activities', {
    ...STAFF_SHUANGLIAO,
    body: outreachBody(overrides),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function itemsOf(activityId: string) {
  const items = await table.scan();
  return {
    activity: items.find((i) => i.PK === `ACTIVITY#${activityId}` && i.SK === 'ACTIVITY') as Record<
      string,
      number
    >,
    signups: items.filter((i) => i.type === 'signup' && i.activityId === activityId),
    attendees: items.filter((i) => i.type === 'attendee' && i.PK === `ACTIVITY#${activityId}`),
  };
}

/** `n` users sign up one after another (so the order is the order of arrival); their answers, in order. */
async function signUpInTurn(activityId: string, user: string, n: number, firstAttendee: number) {
  const made = [];
  for (let i = 0; i < n; i++) {
    made.push(
      await api.call('POST', '/signups', {
        user: `${user}-${i}`,
        body: { activityId, attendee: attendee(firstAttendee + i) },
      }),
    );
  }
  return made;
}

describe('sign-ups against DynamoDB Local', () => {
  it('counts a waitlist position exactly up to the limit and from the counter past it', async () => {
    const activityId = await publish({ capacity: 1 });
    const made = await signUpInTurn(activityId, 'long', 6, 900);
    expect(made.map((r) => r.body.waitlistPosition)).toEqual([undefined, 1, 2, 3, 4, 5]);
    const { createSignupStore } = await import('../../functions/store/signup-store');
    const short = createSignupStore({ waitlistCountLimit: 3 });
    const positions = [];
    for (const r of made.slice(1)) {
      const record = await short.get(r.body.id as string);
      if (!record) throw new Error('sign-up missing');
      positions.push(await short.waitlistPosition(record));
    }
    // Exact while at most 3 are ahead; then the activity's waitlist counter (5), never below the count.
    expect(positions).toEqual([1, 2, 3, 5, 5]);
    // A caller that has just read the activity passes its estimate instead of a second read.
    const last = await short.get(made[5]?.body.id as string);
    if (!last) throw new Error('sign-up missing');
    expect(await short.waitlistPosition(last, 6)).toBe(6);
    expect(await short.waitlistPosition(last, 2)).toBe(4);
    expect(await short.waitlistPosition(made[1]?.body, 3)).toBe(1);
  });

  it('confirms exactly the capacity under 50 concurrent sign-ups and waitlists the rest', async () => {
    const activityId = await publish({ capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.call('POST', '/signups', { user: `burst-${i}`, body: { activityId, attendee: attendee(i) } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(45);
    const positions = results
      .filter((r) => r.body.status === 'waitlisted')
      .map((r) => r.body.waitlistPosition as number);
    expect(new Set(positions).size).toBeGreaterThan(1);
    expect(Math.max(...positions)).toBeLessThanOrEqual(45);

    const { activity, signups } = await itemsOf(activityId);
    expect(activity.confirmedCount).toBe(5);
    expect(activity.waitlistCount).toBe(45);
    expect(signups.filter((s) => s.status === 'confirmed')).toHaveLength(5);
    expect(signups).toHaveLength(50);

    const view = await api.call('GET', `/activities/${activityId}`);
    expect(view.body).toMatchObject({ seatsLeft: 0, waitlistLength: 45, capacity: 5, status: 'open' });
  });

  it('promotes the first waitlisted sign-up in the same transaction when a confirmed one is cancelled', async () => {
    const activityId = await publish({ capacity: 2 });
    const made = await signUpInTurn(activityId, 'queue', 4, 100);
    expect(made.map((r) => r.body.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(made.map((r) => r.body.waitlistPosition)).toEqual([undefined, undefined, 1, 2]);

    const cancelled = await api.call('DELETE', `/signups/${made[0]?.body.id}`, { user: 'queue-0' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const promoted = await api.call('GET', `/signups/${made[2]?.body.id}`, { user: 'queue-2' });
    expect(promoted.body.status).toBe('confirmed');
    const second = await api.call('GET', `/signups/${made[3]?.body.id}`, { user: 'queue-3' });
    expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const { activity, signups, attendees } = await itemsOf(activityId);
    expect(activity.confirmedCount).toBe(2);
    expect(activity.waitlistCount).toBe(1);
    expect(signups.filter((s) => s.status === 'confirmed')).toHaveLength(2);
    // The cancelled person's uniqueness item is gone, so they may sign up again.
    expect(attendees).toHaveLength(3);

    const again = await api.call('DELETE', `/signups/${made[0]?.body.id}`, { user: 'queue-0' });
    expect(again.status).toBe(200);
    expect((await itemsOf(activityId)).activity.confirmedCount).toBe(2);
  });

  it('frees the seat when the last waitlisted is gone and counts a waitlisted cancellation', async () => {
    const activityId = await publish({ capacity: 1 });
    const a = await api.call('POST', '/signups', {
      user: 'free-a',
      body: { activityId, attendee: attendee(200) },
    });
    const b = await api.call('POST', '/signups', {
      user: 'free-b',
      body: { activityId, attendee: attendee(201) },
    });
    expect(b.body.status).toBe('waitlisted');
    await api.call('DELETE', `/signups/${b.body.id}`, { user: 'free-b' });
    await api.call('DELETE', `/signups/${a.body.id}`, { user: 'free-a' });
    const { activity } = await itemsOf(activityId);
    expect(activity).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
  });

  it('returns the same sign-up for a replayed Idempotency-Key and never creates a second', async () => {
    const activityId = await publish({ capacity: 3 });
    const body = { activityId, attendee: attendee(300) };
    const headers = { 'Idempotency-Key': 'offline-retry-0001' };
    const replies = await Promise.all(
      [1, 2, 3].map(() => api.call('POST', '/signups', { user: 'replayer', body, headers })),
    );
    const first = replies.find((r) => r.status === 201);
    expect(first).toBeDefined();
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(2);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const later = await api.call('POST', '/signups', { user: 'replayer', body, headers });
    expect(later).toMatchObject({ status: 200, body: { id: first?.body.id } });

    const changed = await api.call('POST', '/signups', {
      user: 'replayer',
      body: { activityId, attendee: attendee(301) },
      headers,
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
    const { signups, activity } = await itemsOf(activityId);
    expect(signups).toHaveLength(1);
    expect(activity.confirmedCount).toBe(1);
  });

  it('refuses the same attendee twice with 409 DUPLICATE_SIGNUP, but lets one phone enrol two people', async () => {
    const activityId = await publish({ capacity: 10 });
    const grandma = { name: '李淑珍', phone: '13904340001', village: '新发村' };
    const grandpa = { name: '张国华', phone: '13904340001', village: '新发村' };
    expect(
      (await api.call('POST', '/signups', { user: 'grandson', body: { activityId, attendee: grandma } }))
        .status,
    ).toBe(201);
    expect(
      (await api.call('POST', '/signups', { user: 'grandson', body: { activityId, attendee: grandpa } }))
        .status,
    ).toBe(201);
    const twice = await api.call('POST', '/signups', {
      user: 'someone-else',
      body: { activityId, attendee: { ...grandma, name: ' 李淑珍 ' } },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'DUPLICATE_SIGNUP' });
    expect(twice.body.error.message).toMatch(/已经报过/);
    expect((await itemsOf(activityId)).signups).toHaveLength(2);
  });

  it('answers 409 SIGNUP_CLOSED outside the window and 404 for an unknown activity', async () => {
    const { dayjs, toIso } = await import('../../shared/time');
    const activityId = await publish({
      signupOpensAt: toIso(dayjs().add(1, 'day')),
      signupClosesAt: toIso(dayjs().add(2, 'day')),
    });
    const early = await api.call('POST', '/signups', {
      user: 'early',
      body: { activityId, attendee: attendee(400) },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SIGNUP_CLOSED');
    expect((await api.call('GET', `/activities/${activityId}`)).body.status).toBe('closed');
    const missing = await api.call('POST', '/signups', {
      user: 'early',
      body: { activityId: 'act-nope', attendee: attendee(401) },
    });
    expect(missing.status).toBe(404);
    expect((await itemsOf(activityId)).signups).toHaveLength(0);
  });

  it('requires the village for 送教下乡 and the birth year for 老年大学', async () => {
    const activityId = await publish();
    const res = await api.call('POST', '/signups', {
      user: 'villager',
      body: { activityId, attendee: { name: '赵大勇', phone: '13604340002' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'attendee.village', message: '送教下乡报名需要填写所在村屯' },
    ]);
  });

  it('hides a sign-up from other users and lets only its owner cancel it', async () => {
    const activityId = await publish();
    const mine = await api.call('POST', '/signups', {
      user: 'owner-a',
      body: { activityId, attendee: attendee(500) },
    });
    const id = mine.body.id as string;
    expect((await api.call('GET', `/signups/${id}`, { user: 'owner-a' })).status).toBe(200);
    const peek = await api.call('GET', `/signups/${id}`, { user: 'user-b' });
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain(attendee(500).phone);
    expect((await api.call('DELETE', `/signups/${id}`, { user: 'user-b' })).status).toBe(404);
    expect((await api.call('GET', `/signups/${id}`, { ...STAFF_SHUANGLIAO })).status).toBe(200);
    expect((await api.call('GET', `/signups/${id}`, { ...STAFF_LISHU })).status).toBe(404);
    expect((await api.call('DELETE', `/signups/${id}`, { ...STAFF_SHUANGLIAO })).status).toBe(403);
    expect((await api.call('GET', `/signups/${id}`, { user: 'owner-a' })).body.status).toBe('confirmed');
    expect((await api.call('GET', `/signups/${id}`)).status).toBe(401);

    const listA = await api.call('GET', '/signups/mine', { user: 'owner-a' });
    expect(listA.body.items.map((s: { id: string }) => s.id)).toContain(id);
    expect(listA.body.items[0].activity.title).toBe('肉牛养殖技术现场课（测试）');
    const listB = await api.call('GET', '/signups/mine', { user: 'user-b' });
    expect(listB.body.items).toEqual([]);
  });

  it('lists my sign-ups newest first with a working cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const activityId = await publish();
      const res = await api.call('POST', '/signups', {
        user: 'pager',
        body: { activityId, attendee: attendee(600 + i) },
      });
      ids.push(res.body.id);
      await new Promise((r) => setTimeout(r, 1100));
    }
    const page1 = await api.call('GET', '/signups/mine', { user: 'pager', query: { limit: '2' } });
    expect(page1.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api.call('GET', '/signups/mine', {
      user: 'pager',
      query: { limit: '2', cursor: page1.body.nextCursor },
    });
    expect(page2.body.items.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    const stolen = await api.call('GET', '/signups/mine', {
      user: 'other-pager',
      query: { cursor: page1.body.nextCursor },
    });
    expect(stolen.status).toBe(400);
  });
});

describe('consistency', () => {
  it('finds every counter equal to its sign-ups after all of the above', async () => {
    const { checkConsistency } = await import('../../functions/store/consistency');
    const report = await checkConsistency();
    expect(report.signups).toBeGreaterThan(50);
    expect(report.mismatches).toEqual([]);
  });
});

describe('staff routes', () => {
  it('gives staff of another school 403 on publishing, editing and the roster', async () => {
    const activityId = await publish();
    expect(
      (await api.call('POST', '/staff/activities', { ...STAFF_LISHU, body: outreachBody() })).status,
    ).toBe(403);
    expect(
      (await api.call('PATCH', `/staff/activities/${activityId}`, { ...STAFF_LISHU, body: { capacity: 50 } }))
        .status,
    ).toBe(403);
    expect(
      (await api.call('GET', `/staff/activities/${activityId}/signups`, { ...STAFF_LISHU })).status,
    ).toBe(403);
    // Roles come from the table, not from what a token claims.
    const forged = await api.call('GET', `/staff/activities/${activityId}/signups`, {
      user: 'mallory',
      roles: ['admin'],
    });
    expect(forged.status).toBe(403);
    expect(
      (await api.call('GET', `/staff/activities/${activityId}/signups`, { user: 'admin', roles: ['user'] }))
        .status,
    ).toBe(200);
  });

  it('shows the roster with full phone numbers, confirmed first then the waitlist in order', async () => {
    const activityId = await publish({ capacity: 1 });
    await api.call('POST', '/signups', { user: 'r-1', body: { activityId, attendee: attendee(700) } });
    await api.call('POST', '/signups', { user: 'r-2', body: { activityId, attendee: attendee(701) } });
    const res = await api.call('GET', `/staff/activities/${activityId}/signups`, { ...STAFF_SHUANGLIAO });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { status: string }) => s.status)).toEqual(['confirmed', 'waitlisted']);
    expect(res.body.items[0].attendee.phone).toBe(attendee(700).phone);
    expect(res.body.items[1].waitlistPosition).toBe(1);
  });

  it('grows capacity into the waitlist and refuses to shrink below confirmed seats', async () => {
    const activityId = await publish({ capacity: 2 });
    await signUpInTurn(activityId, 'cap', 5, 800);
    const shrink = await api.call('PATCH', `/staff/activities/${activityId}`, {
      ...STAFF_SHUANGLIAO,
      body: { capacity: 1 },
    });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.code).toBe('CAPACITY_BELOW_CONFIRMED');
    const grow = await api.call('PATCH', `/staff/activities/${activityId}`, {
      ...STAFF_SHUANGLIAO,
      body: { capacity: 4 },
    });
    expect(grow.status).toBe(200);
    expect(grow.body).toMatchObject({ capacity: 4, seatsLeft: 0, waitlistLength: 1 });
    const { activity, signups } = await itemsOf(activityId);
    expect(activity).toMatchObject({ confirmedCount: 4, waitlistCount: 1 });
    expect(signups.filter((s) => s.status === 'confirmed')).toHaveLength(4);
    const title = await api.call('PATCH', `/staff/activities/${activityId}`, {
      ...STAFF_SHUANGLIAO,
      body: { title: '改名后的现场课' },
    });
    expect(title.body.title).toBe('改名后的现场课');
  });

  it('lists only the own school’s activities for staff and every school’s for the city admin', async () => {
    await publish();
    const own = await api.call('GET', '/staff/activities', { ...STAFF_SHUANGLIAO });
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(new Set(own.body.items.map((a: { schoolId: string }) => a.schoolId))).toEqual(
      new Set(['shuangliao-vocational']),
    );
    const all = await api.call('GET', '/staff/activities', { user: 'admin' });
    expect(new Set(all.body.items.map((a: { schoolId: string }) => a.schoolId)).size).toBeGreaterThan(3);
    expect((await api.call('GET', '/staff/activities', { user: 'plain-user' })).status).toBe(403);
  });
});
