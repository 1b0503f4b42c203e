import { createHash, createHmac } from 'node:crypto';
import * as v from 'valibot';
import type { Caller } from '../../functions/domain/access';
import {
  cancelActivity,
  getActivity,
  publishActivity,
  reviseActivity,
} from '../../functions/domain/activities/activities';
import { DomainError } from '../../functions/domain/errors';
import { drawNow, drawView, runDraw } from '../../functions/domain/signups/lottery';
import type { Messenger } from '../../functions/domain/messaging/notify';
import { shortIdOf } from '../../functions/domain/people/people';
import { runScheduledWork } from '../../functions/domain/scheduled';
import {
  acceptOffer,
  cancelSignup,
  createSignup,
  expireOffers,
  getSignup,
  staffCancelSignup,
} from '../../functions/domain/signups/signups';
import { ActivityCreateInputSchema } from '../../shared/schemas/activity';
import type { Attendee } from '../../shared/schemas/signup';
import { dayjs, toIso } from '../../shared/time';
import { schools, majors, certificates } from '../../scripts/seed/catalog';
import { createMemoryStores, type MemoryStores } from '../support/memory';

/**
 * The use-cases on the in-memory adapters (held to the DynamoDB stores by tests/support/store-contract.ts):
 * the rules of sign-up, cancellation, promotion, offers and the draw, in milliseconds.
 */

const NOW = '2030-03-05T10:00:00+08:00';
const HOUR = 3600_000;
const SCHOOL = 'shuangliao-vocational';
const STAFF: Caller = { userId: `staff-${SCHOOL}`, roles: ['user', `staff:${SCHOOL}`] };
const OTHER_STAFF: Caller = { userId: 'staff-lishu-vocational', roles: ['user', 'staff:lishu-vocational'] };

let deps: MemoryStores;

beforeEach(() => {
  deps = createMemoryStores({ now: NOW, catalog: { schools, majors, certificates } });
});

const user = (n: number): Caller => ({ userId: `user-${n}`, roles: ['user'] });

/** A different person for each n: name and phone make the attendee's identity. */
function person(n: number, extra: Partial<Attendee> = {}): Attendee {
  return {
    name: `测试${String.fromCharCode(0x4e00 + n)}`,
    phone: `139${String(10000000 + n).slice(-8)}`,
    ...extra,
  };
}

/** Publishes a 送教下乡 day (window open at NOW, class a week later), through the same schema as the API. */
async function publish(overrides: Record<string, unknown> = {}) {
  const input = v.parse(ActivityCreateInputSchema, {
    kind: 'outreach',
    title: '肉牛养殖技术现场课',
    schoolId: SCHOOL,
    county: '双辽市',
    place: { township: '茂林镇', village: '新发村', address: '村委会院内' },
    startsAt: '2030-03-12T09:00:00+08:00',
    endsAt: '2030-03-12T11:30:00+08:00',
    capacity: 2,
    signupOpensAt: '2030-03-01T08:00:00+08:00',
    signupClosesAt: '2030-03-10T18:00:00+08:00',
    ...overrides,
  });
  return publishActivity(deps, STAFF, input);
}

/** Person n signs up for a 送教下乡 day; each arrives a millisecond after the last (sign-up ids follow time). */
async function signUp(activityId: string, n: number) {
  deps.clock.advance(1);
  return (await createSignup(deps, user(n), { activityId, attendee: person(n, { village: '新发村' }) }))
    .signup;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

/** The activity's counters agree with its sign-ups, and no seat is held beyond the capacity. */
async function statuses(activityId: string): Promise<Record<string, number>> {
  const activity = await deps.activities.get(activityId);
  const signups = await deps.signups.listForActivity(activityId);
  const tally: Record<string, number> = {};
  for (const s of signups) tally[s.status] = (tally[s.status] ?? 0) + 1;
  const held = (tally.confirmed ?? 0) + (tally.offered ?? 0);
  expect(activity?.confirmedCount).toBe(held);
  expect(activity?.waitlistCount).toBe(tally.waitlisted ?? 0);
  expect(held).toBeLessThanOrEqual(activity?.capacity ?? 0);
  return tally;
}

describe('sign-up', () => {
  it('confirms while a seat is free, then waitlists in order', async () => {
    const activity = await publish({ capacity: 2 });
    const made = [];
    for (let n = 1; n <= 4; n++) made.push(await signUp(activity.id, n));
    expect(made.map((s) => [s.status, s.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await getActivity(deps, activity.id)).toMatchObject({
      seatsLeft: 0,
      waitlistLength: 2,
      status: 'open',
    });
    expect(await statuses(activity.id)).toEqual({ confirmed: 2, waitlisted: 2 });
  });

  it('gives 5 seats to 20 people signing up at once, and waitlists the other 15 each in a place of their own', async () => {
    const activity = await publish({ capacity: 5 });
    const made = await Promise.all(Array.from({ length: 20 }, (_, n) => signUp(activity.id, n)));
    expect(made.filter((s) => s.status === 'confirmed')).toHaveLength(5);
    const waiting = made.flatMap((s, n) => (s.status === 'waitlisted' ? [{ id: s.id, n }] : []));
    const positions = await Promise.all(
      waiting.map(async (w) => (await getSignup(deps, user(w.n), w.id)).waitlistPosition),
    );
    expect(positions.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(await statuses(activity.id)).toEqual({ confirmed: 5, waitlisted: 15 });
  });

  it('refuses the same person twice, however the name is typed and whoever signs them up', async () => {
    const activity = await publish({ capacity: 5 });
    await createSignup(deps, user(1), {
      activityId: activity.id,
      attendee: { ...person(1), name: '张三', village: '新发村' },
    });
    const again = refusal(
      createSignup(deps, user(2), {
        activityId: activity.id,
        attendee: { ...person(1), name: '张 三', village: '新发村' },
      }),
    );
    expect((await again).code).toBe('DUPLICATE_SIGNUP');
    // Two taps at once are one seat too.
    const racing = await Promise.allSettled([signUp(activity.id, 7), signUp(activity.id, 7)]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await statuses(activity.id)).toEqual({ confirmed: 2 });
  });

  it('answers a repeated request with the first sign-up, and a changed one under the same key with a conflict', async () => {
    const activity = await publish({ capacity: 5 });
    const input = { activityId: activity.id, attendee: person(1, { village: '新发村' }) };
    const [first, second] = await Promise.all([
      createSignup(deps, user(1), input, 'key-0001'),
      createSignup(deps, user(1), input, 'key-0001'),
    ]);
    expect(first?.signup.id).toBe(second?.signup.id);
    expect([first?.replayed, second?.replayed].sort()).toEqual([false, true]);
    const changed = { ...input, attendee: person(2, { village: '新发村' }) };
    expect((await refusal(createSignup(deps, user(1), changed, 'key-0001'))).code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    // Another account's same key is its own request.
    expect((await createSignup(deps, user(2), changed, 'key-0001')).replayed).toBe(false);
    expect(await statuses(activity.id)).toEqual({ confirmed: 2 });
  });

  it('refuses before the window opens, after it closes, and on a cancelled activity', async () => {
    const activity = await publish();
    deps.clock.set('2030-03-01T07:59:59+08:00');
    expect((await refusal(signUp(activity.id, 1))).code).toBe('SIGNUP_CLOSED');
    deps.clock.set('2030-03-10T18:00:00+08:00');
    expect((await refusal(signUp(activity.id, 1))).code).toBe('SIGNUP_CLOSED');
    deps.clock.set(NOW);
    expect((await signUp(activity.id, 1)).status).toBe('confirmed');
    await cancelActivity(deps, STAFF, activity.id, '道路结冰');
    expect((await refusal(signUp(activity.id, 2))).code).toBe('ACTIVITY_CANCELLED');
    expect(await statuses(activity.id)).toEqual({ confirmed: 1 });
  });

  it('checks who may attend: age counted in the year the class starts, family consent, residence', async () => {
    const activity = await publish({
      kind: 'senior',
      minAge: 50,
      consentAboveAge: 80,
      residentsOnly: true,
      capacity: 10,
    });
    const tryAs = async (n: number, extra: Partial<Attendee>) => {
      const err = await refusal(
        createSignup(deps, user(n), { activityId: activity.id, attendee: person(n, extra) }),
      );
      return [err.code, err.details?.rule ?? err.fields?.[0]?.field];
    };
    const resident = { residence: '双辽市' as const };
    expect(await tryAs(1, resident)).toEqual(['VALIDATION_FAILED', 'attendee.birthYear']);
    // Born 1981: 49 in 2030, the year the class starts.
    expect(await tryAs(2, { ...resident, birthYear: 1981 })).toEqual(['NOT_ELIGIBLE', 'minAge']);
    expect(await tryAs(3, { ...resident, birthYear: 1945 })).toEqual(['NOT_ELIGIBLE', 'familyConsent']);
    expect(await tryAs(4, { birthYear: 1960 })).toEqual(['NOT_ELIGIBLE', 'residence']);
    expect(await tryAs(5, { birthYear: 1960, residence: '梨树县' })).toEqual([
      'NOT_ELIGIBLE',
      'residentsOnly',
    ]);
    const ok = await createSignup(deps, user(6), {
      activityId: activity.id,
      attendee: person(6, { ...resident, birthYear: 1980 }),
    });
    const elder = await createSignup(deps, user(7), {
      activityId: activity.id,
      attendee: person(7, { ...resident, birthYear: 1945, familyConsent: true }),
    });
    expect([ok.signup.status, elder.signup.status]).toEqual(['confirmed', 'confirmed']);
    expect(await statuses(activity.id)).toEqual({ confirmed: 2 });
  });

  it('refuses a seat at the same time as one the person already holds, naming the other activity', async () => {
    const morning = await publish({ title: '上午的课' });
    const overlapping = await publish({
      title: '重叠的课',
      startsAt: '2030-03-12T10:00:00+08:00',
      endsAt: '2030-03-12T12:00:00+08:00',
    });
    await signUp(morning.id, 1);
    const err = await refusal(signUp(overlapping.id, 1));
    expect(err.code).toBe('TIME_CONFLICT');
    expect(err.details).toEqual({ conflictingActivity: { id: morning.id, title: '上午的课' } });
  });
});

describe('cancel and promotion', () => {
  it('moves the first waitlisted person into a cancelled seat at once', async () => {
    const activity = await publish({ capacity: 1 });
    const [a, b, c] = [
      await signUp(activity.id, 1),
      await signUp(activity.id, 2),
      await signUp(activity.id, 3),
    ];
    if (!a || !b || !c) throw new Error('setup');
    deps.clock.advance(HOUR);
    const cancelled = await cancelSignup(deps, user(1), a.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: toIso(dayjs(NOW).add(1, 'hour')) });
    expect(await getSignup(deps, user(2), b.id)).toMatchObject({ status: 'confirmed' });
    expect(await getSignup(deps, user(3), c.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await statuses(activity.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });
    // A retried tap answers with the cancellation again and moves nobody else.
    expect(await cancelSignup(deps, user(1), a.id)).toMatchObject({ status: 'cancelled' });
    expect(await statuses(activity.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });
    // The person may sign up again, at the end of the waitlist.
    expect(await signUp(activity.id, 1)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('lets only the owner cancel in the app, and after the deadline only the school', async () => {
    const activity = await publish({ capacity: 1, cancelDeadlineHours: 48 });
    const seat = await signUp(activity.id, 1);
    expect((await refusal(cancelSignup(deps, user(2), seat.id))).code).toBe('SIGNUP_NOT_FOUND');
    expect((await refusal(staffCancelSignup(deps, OTHER_STAFF, seat.id))).code).toBe('FORBIDDEN');
    deps.clock.set('2030-03-10T09:00:01+08:00');
    expect((await refusal(cancelSignup(deps, user(1), seat.id))).code).toBe('CANCEL_DEADLINE_PASSED');
    expect(await staffCancelSignup(deps, STAFF, seat.id)).toMatchObject({ status: 'cancelled' });
    expect(await statuses(activity.id)).toEqual({ cancelled: 1 });
  });

  it('fills the seats a larger capacity adds from the waitlist, and never shrinks below the seats given', async () => {
    const activity = await publish({ capacity: 1 });
    for (let n = 1; n <= 4; n++) await signUp(activity.id, n);
    const revised = await reviseActivity(deps, STAFF, activity.id, { capacity: 3 });
    expect(revised).toMatchObject({ capacity: 3, seatsLeft: 0, waitlistLength: 1 });
    expect(await statuses(activity.id)).toEqual({ confirmed: 3, waitlisted: 1 });
    expect((await refusal(reviseActivity(deps, STAFF, activity.id, { capacity: 2 }))).code).toBe(
      'CAPACITY_BELOW_CONFIRMED',
    );
  });
});

describe('offers', () => {
  async function offerClass(overrides: Record<string, unknown> = {}) {
    const activity = await publish({ capacity: 1, waitlist: 'offer', offerHours: 2, ...overrides });
    const made = [];
    for (let n = 1; n <= 3; n++) made.push(await signUp(activity.id, n));
    return { activity, made };
  }

  it('offers a freed seat for offerHours, and taking it in time confirms it', async () => {
    const { activity, made } = await offerClass();
    const [a, b] = made;
    if (!a || !b) throw new Error('setup');
    await cancelSignup(deps, user(1), a.id);
    const offered = await getSignup(deps, user(2), b.id);
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: toIso(dayjs(NOW).add(2, 'hour')) });
    expect(await statuses(activity.id)).toEqual({ cancelled: 1, offered: 1, waitlisted: 1 });
    deps.clock.advance(HOUR);
    expect(await acceptOffer(deps, user(2), b.id)).toMatchObject({ status: 'confirmed' });
    // A second tap answers with the seat, not an error.
    expect(await acceptOffer(deps, user(2), b.id)).toMatchObject({ status: 'confirmed' });
    expect(await statuses(activity.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });
  });

  it('passes an offer not taken in time to the next person, once, and frees the seat when nobody is left', async () => {
    const { activity, made } = await offerClass();
    const [a, b, c] = made;
    if (!a || !b || !c) throw new Error('setup');
    await cancelSignup(deps, user(1), a.id);
    deps.clock.advance(2 * HOUR);
    expect((await refusal(acceptOffer(deps, user(2), b.id))).code).toBe('OFFER_EXPIRED');
    // The refused acceptance already passed the seat on; the worker's run finds nothing left to do.
    expect(await getSignup(deps, user(2), b.id)).toMatchObject({ status: 'expired' });
    expect(await getSignup(deps, user(3), c.id)).toMatchObject({
      status: 'offered',
      offerExpiresAt: toIso(dayjs(NOW).add(4, 'hour')),
    });
    const record = await deps.activities.get(activity.id);
    if (!record) throw new Error('activity missing');
    expect(await expireOffers(deps, record)).toBe(0);
    deps.clock.advance(2 * HOUR);
    expect(await expireOffers(deps, record)).toBe(1);
    expect(await expireOffers(deps, record)).toBe(0);
    expect(await statuses(activity.id)).toEqual({ cancelled: 1, expired: 2 });
    expect(await getActivity(deps, activity.id)).toMatchObject({ seatsLeft: 1, waitlistLength: 0 });
  });

  it('holds an offer no later than the start of the next session', async () => {
    const { made } = await offerClass({ offerHours: 48 });
    const [a, b] = made;
    if (!a || !b) throw new Error('setup');
    deps.clock.set('2030-03-10T17:00:00+08:00');
    await cancelSignup(deps, user(1), a.id);
    expect(await getSignup(deps, user(2), b.id)).toMatchObject({
      offerExpiresAt: '2030-03-12T09:00:00+08:00',
    });
  });
});

describe('lottery', () => {
  async function lottery(capacity: number, applicants: number) {
    const activity = await publish({ enrolment: 'lottery', capacity, drawAt: '2030-03-10T20:00:00+08:00' });
    const made = [];
    for (let n = 1; n <= applicants; n++) made.push(await signUp(activity.id, n));
    return { activity, made };
  }

  it('takes applications, then seats exactly the capacity in the order the published seed gives', async () => {
    const { activity, made } = await lottery(3, 7);
    expect(made.every((s) => s.status === 'applied')).toBe(true);
    expect(await statuses(activity.id)).toEqual({ applied: 7 });
    const gone = made[6];
    if (!gone) throw new Error('setup');
    await cancelSignup(deps, user(7), gone.id);

    deps.clock.set('2030-03-10T20:00:00+08:00');
    const draw = await drawNow(deps, STAFF, activity.id);
    // Anyone can check it: the seed matches the commitment published before, and orders the ids by HMAC.
    expect(
      createHash('sha256')
        .update(draw.seed ?? '')
        .digest('hex'),
    ).toBe(activity.drawCommitment);
    const ticket = (id: string) =>
      createHmac('sha256', draw.seed ?? '')
        .update(id)
        .digest('hex');
    const expected = made
      .slice(0, 6)
      .map((s) => s.id)
      .sort((x, y) => (ticket(x) < ticket(y) ? -1 : 1));
    expect(draw.order.map((o) => o.signupId)).toEqual(expected);
    expect(draw.order.map((o) => o.result)).toEqual([
      ...Array(3).fill('confirmed'),
      ...Array(3).fill('waitlisted'),
    ]);

    const owner = (id: string) => user(made.findIndex((s) => s.id === id) + 1);
    const after = await Promise.all(expected.map((id) => getSignup(deps, owner(id), id)));
    expect(after.map((s) => [s.status, s.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    expect(await statuses(activity.id)).toEqual({ confirmed: 3, waitlisted: 3, cancelled: 1 });
    expect(await getSignup(deps, user(7), gone.id)).toMatchObject({ status: 'cancelled' });
  });

  it('draws once: a second draw, even from a stale read, is refused and changes nothing', async () => {
    const { activity } = await lottery(2, 5);
    const before = await deps.activities.get(activity.id);
    if (!before) throw new Error('setup');
    deps.clock.set('2030-03-10T20:00:00+08:00');
    const first = await runDraw(deps, before, null);
    const snapshot = await deps.signups.listForActivity(activity.id);
    expect((await refusal(drawNow(deps, STAFF, activity.id))).code).toBe('ALREADY_DRAWN');
    expect((await refusal(runDraw(deps, before, null))).code).toBe('ALREADY_DRAWN');
    expect(await deps.signups.listForActivity(activity.id)).toEqual(snapshot);
    expect(await drawView(deps, (await deps.activities.get(activity.id)) ?? before)).toEqual(first);
    expect(await statuses(activity.id)).toEqual({ confirmed: 2, waitlisted: 3 });
  });

  it('gives a seat freed after the draw to the next in drawn order', async () => {
    const { activity, made } = await lottery(1, 3);
    deps.clock.set('2030-03-10T20:00:00+08:00');
    const draw = await drawNow(deps, STAFF, activity.id);
    const [winner, next, last] = draw.order.map((o) => o.signupId);
    if (!winner || !next || !last) throw new Error('setup');
    const owner = (id: string) => user(made.findIndex((s) => s.id === id) + 1);
    await cancelSignup(deps, owner(winner), winner);
    expect(await getSignup(deps, owner(next), next)).toMatchObject({ status: 'confirmed' });
    expect(await getSignup(deps, owner(last), last)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
  });
});

describe('reminders and notifications', () => {
  /** A stand-in for WeChat: what it was sent, and the errcodes it answers next (0 once they run out). */
  function wechat() {
    const sent: Array<{ to: string; template: string; status: string }> = [];
    const errcodes: number[] = [];
    const messenger: Messenger = {
      templates: { reminder: 'tpl-reminder', result: 'tpl-result', cancelled: 'tpl-cancelled' },
      async send(message) {
        const errcode = errcodes.shift() ?? 0;
        if (errcode === 0)
          sent.push({
            to: message.touser,
            template: message.template_id,
            status: message.data.phrase5?.value ?? '',
          });
        return errcode;
      },
      recipient: (u) => u.openId ?? null,
    };
    return { sent, errcodes, messenger };
  }

  /** One run of the scheduled worker: the same domain function the handler runs, on the in-memory stores. */
  const runWorker = (messenger: Messenger) =>
    runScheduledWork(deps, messenger, (activityId, error) => {
      throw new Error(`activity ${activityId} failed: ${String(error)}`);
    });

  /** Person n logs in through WeChat and accepts `grants` one-time messages of each template. */
  async function subscribed(n: number, grants = 3) {
    await deps.users.ensure(
      user(n).userId,
      { openId: `wx-${n}`, shortId: shortIdOf(user(n).userId) },
      toIso(deps.clock.now()),
    );
    for (let i = 0; i < grants; i++)
      await deps.subscriptions.accept(user(n).userId, ['tpl-reminder', 'tpl-result', 'tpl-cancelled']);
  }

  const outbox = async (signupId: string) =>
    (await deps.outbox.list(signupId)).map((m) => [m.kind, m.status]).sort();

  it('tells a person moved up from the waitlist once, and reminds a seat holder once per window', async () => {
    const { sent, messenger } = wechat();
    const activity = await publish({ capacity: 1 });
    const [a, b] = [await signUp(activity.id, 1), await signUp(activity.id, 2)];
    if (!a || !b) throw new Error('setup');
    await subscribed(1);
    await subscribed(2);
    await cancelSignup(deps, user(1), a.id);
    // Queued with the promotion itself, before any run of the worker.
    expect(await outbox(b.id)).toEqual([['seat-confirmed', 'pending']]);
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent).toEqual([{ to: 'wx-2', template: 'tpl-result', status: '候补成功，已为您确认名额' }]);

    deps.clock.set('2030-03-11T10:00:00+08:00');
    await runWorker(messenger);
    deps.clock.set('2030-03-12T07:30:00+08:00');
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.to, m.template, m.status])).toEqual([
      ['wx-2', 'tpl-result', '候补成功，已为您确认名额'],
      ['wx-2', 'tpl-reminder', '明天开课，请准时参加'],
      ['wx-2', 'tpl-reminder', '两小时后开始，请准时到场'],
    ]);
    expect(await outbox(b.id)).toEqual([
      ['reminder-24h', 'sent'],
      ['reminder-2h', 'sent'],
      ['seat-confirmed', 'sent'],
    ]);
    expect(await outbox(a.id)).toEqual([]);
  });

  it('reminds a seat taken while its reminder window is open with the seat itself, once', async () => {
    const { sent, messenger } = wechat();
    const activity = await publish({ capacity: 2, signupClosesAt: '2030-03-12T08:00:00+08:00' });
    await subscribed(1);
    deps.clock.set('2030-03-11T10:00:00+08:00');
    await runWorker(messenger);
    const seat = await signUp(activity.id, 1);
    expect(await outbox(seat.id)).toEqual([['reminder-24h', 'pending']]);
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.to, m.status])).toEqual([['wx-1', '明天开课，请准时参加']]);
    expect(await outbox(seat.id)).toEqual([['reminder-24h', 'sent']]);
  });

  it('sends an offer to the person offered, and every applicant the result of the draw', async () => {
    const { sent, messenger } = wechat();
    const offers = await publish({ capacity: 1, waitlist: 'offer', offerHours: 2 });
    const [a, b] = [await signUp(offers.id, 1), await signUp(offers.id, 2)];
    if (!a || !b) throw new Error('setup');
    const lottery = await publish({ enrolment: 'lottery', capacity: 1, drawAt: '2030-03-10T20:00:00+08:00' });
    const [c, d] = [await signUp(lottery.id, 3), await signUp(lottery.id, 4)];
    if (!c || !d) throw new Error('setup');
    for (const n of [1, 2, 3, 4]) await subscribed(n);
    await cancelSignup(deps, user(1), a.id);
    await runWorker(messenger);
    expect(sent.map((m) => [m.to, m.template])).toEqual([['wx-2', 'tpl-result']]);
    expect(await outbox(b.id)).toEqual([['offer', 'sent']]);

    deps.clock.set('2030-03-10T20:00:00+08:00');
    await runWorker(messenger);
    await runWorker(messenger);
    const told = sent.slice(1).map((m) => [m.to, m.status]);
    const drawn = [await getSignup(deps, user(3), c.id), await getSignup(deps, user(4), d.id)];
    expect(drawn.map((x) => x.status).sort()).toEqual(['confirmed', 'waitlisted']);
    expect(told.sort()).toEqual(
      drawn.map((x, i) => [
        `wx-${i + 3}`,
        x.status === 'confirmed' ? '摇号中签，报名成功' : '未中签，已进入候补',
      ]),
    );
    expect(await outbox(c.id)).toEqual([['lottery-result', 'sent']]);
  });

  it('tells everyone still signed up when the activity is cancelled, once', async () => {
    const { sent, messenger } = wechat();
    const activity = await publish({ capacity: 1 });
    const [a, b, c] = [
      await signUp(activity.id, 1),
      await signUp(activity.id, 2),
      await signUp(activity.id, 3),
    ];
    if (!a || !b || !c) throw new Error('setup');
    for (const n of [1, 2, 3]) await subscribed(n);
    await cancelSignup(deps, user(3), c.id);
    await cancelActivity(deps, STAFF, activity.id, '道路结冰');
    await runWorker(messenger);
    await runWorker(messenger);
    expect(sent.map((m) => [m.to, m.template, m.status]).sort()).toEqual([
      ['wx-1', 'tpl-cancelled', '活动已取消：道路结冰'],
      ['wx-2', 'tpl-cancelled', '活动已取消：道路结冰'],
    ]);
    expect(await outbox(c.id)).toEqual([]);
  });

  it('sends only against a subscription, stops a refused template, and retries a failed send once later', async () => {
    const { sent, errcodes, messenger } = wechat();
    const reminderTime = '2030-03-11T10:00:00+08:00';
    const inWindow = async (n: number) => {
      deps.clock.set(NOW);
      const activity = await publish({ capacity: 1, startsAt: '2030-03-12T09:00:00+08:00' });
      const seat = await signUp(activity.id, n);
      deps.clock.set(reminderTime);
      return seat;
    };

    // No subscription accepted: recorded, not sent.
    await deps.users.ensure(user(1).userId, { openId: 'wx-1', shortId: shortIdOf(user(1).userId) }, NOW);
    const unsubscribed = await inWindow(1);
    expect(await runWorker(messenger)).toMatchObject({ 'not-subscribed': 1, sent: 0 });
    expect(await outbox(unsubscribed.id)).toEqual([['reminder-24h', 'not-subscribed']]);

    // A WeChat error: tried again after a minute, sent once, the grant used once.
    await subscribed(2, 1);
    const retried = await inWindow(2);
    errcodes.push(45015);
    expect(await runWorker(messenger)).toMatchObject({ retried: 1, sent: 0 });
    expect(await runWorker(messenger)).toMatchObject({ retried: 0, sent: 0 });
    deps.clock.advance(60_000);
    expect(await runWorker(messenger)).toMatchObject({ sent: 1 });
    expect(await outbox(retried.id)).toEqual([['reminder-24h', 'sent']]);
    expect(await deps.subscriptions.balance(user(2).userId)).toMatchObject({ 'tpl-reminder': 0 });

    // 43101: the person refused the template; nothing more of it goes to them until they accept it again.
    await subscribed(3);
    const refused = await inWindow(3);
    errcodes.push(43101);
    expect(await runWorker(messenger)).toMatchObject({ refused: 1 });
    // The 2-hour reminders: 1 never subscribed, 2 used their one grant, 3 refused the template.
    deps.clock.set('2030-03-12T07:30:00+08:00');
    expect(await runWorker(messenger)).toMatchObject({ 'not-subscribed': 3, sent: 0 });
    expect(await outbox(refused.id)).toEqual([
      ['reminder-24h', 'refused'],
      ['reminder-2h', 'not-subscribed'],
    ]);
    expect(sent.map((m) => m.to)).toEqual(['wx-2']);
  });
});
