import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivityCreateInput } from '../../shared/schemas/activity';
import { toIso } from '../../shared/time';
import { useFreshTable } from '../support/table';
import { json, startWechatStandIn } from '../support/wechat-stand-in';
import { attendee } from '../support/fixtures';
import type { Caller } from '../../functions/domain/access';
import type { Clock } from '../../functions/domain/clock';
import { shortIdOf } from '../../functions/domain/people/people';
import { keys } from '../../functions/store/keys';
import { dropTable, ensureTable } from '../../functions/store/table';
import definition from '../../functions/store/table.json';
// Types only: the modules themselves load after the environment names this file's table.
import type * as ActivitiesModule from '../../functions/domain/activities/activities';
import type * as LotteryModule from '../../functions/domain/signups/lottery';
import type * as NotifyModule from '../../functions/domain/messaging/notify';
import type * as SignupsModule from '../../functions/domain/signups/signups';
import type * as WorkerModule from '../../functions/handlers/rules-worker';
import type * as StoreModule from '../../functions/store';
import type * as ClientModule from '../../functions/store/client';
import type * as BackfillModule from '../../functions/store/agenda-backfill';

/**
 * The scheduled worker reads only its agenda, and each message that follows a change of status is queued in
 * the transaction that makes the change: against DynamoDB Local, with every request the functions send recorded.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;
const sent: Array<{ touser: string; template_id: string }> = [];

type Modules = {
  stores: typeof StoreModule.stores;
  db: typeof ClientModule.db;
  handler: typeof WorkerModule.handler;
  backfillAgenda: typeof BackfillModule.backfillAgenda;
  domain: typeof SignupsModule & typeof ActivitiesModule & typeof LotteryModule & typeof NotifyModule;
};
let m: Modules;

const HOUR = 3600_000;
const STAFF: Caller = { userId: 'staff-lishu-senior-univ', roles: ['user', 'staff:lishu-senior-univ'] };
const person = (userId: string): Caller => ({ userId, roles: ['user'] });
const at = (ms: number): Clock => ({ now: () => ms });

beforeAll(async () => {
  // WeChat's subscribe-message API: every message the worker sends is kept, and accepted.
  wechat = await startWechatStandIn({
    '/cgi-bin/message/subscribe/send': (call, res) => {
      sent.push(call.body as (typeof sent)[number]);
      json(res, { errcode: 0, errmsg: 'ok' });
    },
  });
  table = await useFreshTable();
  Object.assign(process.env, wechat.env);
  const { seed } = await import('../../scripts/seed');
  await seed();
  m = {
    stores: (await import('../../functions/store')).stores,
    db: (await import('../../functions/store/client')).db,
    handler: (await import('../../functions/handlers/rules-worker')).handler,
    backfillAgenda: (await import('../../functions/store/agenda-backfill')).backfillAgenda,
    domain: {
      ...(await import('../../functions/domain/signups/signups')),
      ...(await import('../../functions/domain/activities/activities')),
      ...(await import('../../functions/domain/signups/lottery')),
      ...(await import('../../functions/domain/messaging/notify')),
    },
  };
});

afterAll(async () => {
  await wechat.close();
  await table.drop();
});

const deps = (clock: Clock = at(Date.now())) => ({ ...m.stores, clock });

/** A class of the senior university, its times counted from `from`. */
function seniorClass(from: number, overrides: Partial<ActivityCreateInput> = {}): ActivityCreateInput {
  const startsAt = from + 10 * 24 * HOUR;
  return {
    kind: 'senior',
    title: '调度测试课',
    description: '',
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学一楼' },
    startsAt: toIso(startsAt),
    endsAt: toIso(startsAt + 2 * HOUR),
    capacity: 1,
    signupOpensAt: toIso(from - HOUR),
    signupClosesAt: toIso(from + 5 * 24 * HOUR),
    ...overrides,
  } as ActivityCreateInput;
}

async function signUp(clock: Clock, activityId: string, userId: string, i: number) {
  const made = await m.domain.createSignup(deps(clock), person(userId), {
    activityId,
    attendee: { ...attendee(i, {}), birthYear: 1955 },
  } as Parameters<typeof m.domain.createSignup>[2]);
  return made.signup;
}

/** Runs the worker's handler with its clock at `now`. */
async function runWorker(now = Date.now()): Promise<Record<string, number>> {
  const real = m.stores.clock;
  m.stores.clock = at(now);
  try {
    return await m.handler();
  } finally {
    m.stores.clock = real;
  }
}

/** Every request the functions send to DynamoDB while `run` runs: its operation, and input and output as text. */
async function recording<T>(run: () => Promise<T>) {
  const requests: Array<{ operation: string; text: string }> = [];
  const name = 'testRequestRecorder';
  m.db().middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName).replace(/Command$/, '');
      try {
        const result = await next(args);
        requests.push({ operation, text: JSON.stringify([args.input, result.output]) });
        return result;
      } catch (err) {
        requests.push({ operation, text: JSON.stringify([args.input, (err as Error).name]) });
        throw err;
      }
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await run(), requests };
  } finally {
    m.db().middlewareStack.remove(name);
  }
}

const WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'];

describe('messages queued with the change that causes them', () => {
  it('queues a promoted person’s message in the promotion’s transaction, and the worker never writes it again', async () => {
    const now = Date.now();
    const activityId = (await m.domain.publishActivity(deps(), STAFF, seniorClass(now))).id;
    await m.stores.users.ensure('promo-b', { shortId: shortIdOf('promo-b') }, toIso(now));
    await m.stores.subscriptions.accept('promo-b', ['local-template-result']);
    const a = await signUp(at(now), activityId, 'promo-a', 100);
    const b = await signUp(at(now), activityId, 'promo-b', 101);
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
    expect(await m.stores.outbox.list(b.id)).toEqual([]);

    const { requests: cancelling } = await recording(() =>
      m.domain.cancelSignup(deps(), person('promo-a'), a.id),
    );
    // One transaction: the cancellation, the seat handed over and the message.
    const transaction = cancelling.filter((r) => r.operation === 'TransactWriteItems');
    expect(transaction).toHaveLength(1);
    expect(transaction[0]?.text).toContain(`OUTBOX#${b.id}`);
    expect((await m.stores.outbox.list(b.id)).map((x) => [x.kind, x.status])).toEqual([
      ['seat-confirmed', 'pending'],
    ]);

    sent.length = 0;
    const { requests } = await recording(async () => {
      await runWorker();
      await runWorker();
    });
    const queuing = requests.filter(
      (r) =>
        WRITES.includes(r.operation) && r.operation !== 'UpdateItem' && r.text.includes(`OUTBOX#${b.id}`),
    );
    expect(queuing).toEqual([]);
    expect(sent.filter((s) => s.touser === 'local:promo-b')).toHaveLength(1);
    expect((await m.stores.outbox.list(b.id)).map((x) => [x.kind, x.status])).toEqual([
      ['seat-confirmed', 'sent'],
    ]);
  });

  it('queues nothing when the promotion loses its race', async () => {
    const now = Date.now();
    const activityId = (await m.domain.publishActivity(deps(), STAFF, seniorClass(now))).id;
    await signUp(at(now), activityId, 'race-a', 110);
    const waiting = (await m.stores.signups.get((await signUp(at(now), activityId, 'race-b', 111)).id))!;
    const activity = (await m.stores.activities.get(activityId))!;
    // The activity is full: the seat counter's condition refuses the promotion, and its message with it.
    const outcome = await m.stores.signups.promote(
      activityId,
      {
        record: waiting,
        as: 'confirmed',
        messages: m.domain.promotionMessages(activity, waiting, 'confirmed', now),
      },
      toIso(now),
    );
    expect(outcome).toBe('conflict');
    expect(await m.stores.outbox.list(waiting.id)).toEqual([]);
  });

  it('writes each lottery result with the draw, once, also when an interrupted draw runs again', async () => {
    const now = Date.now();
    const activity = await m.domain.publishActivity(
      deps(),
      STAFF,
      seniorClass(now, { capacity: 2, enrolment: 'lottery', drawAt: toIso(now + 5 * 24 * HOUR) }),
    );
    const applicants = [];
    for (let i = 0; i < 5; i++) applicants.push(await signUp(at(now), activity.id, `lot-${i}`, 120 + i));
    expect(applicants.every((s) => s.status === 'applied')).toBe(true);

    const { requests } = await recording(() => m.domain.drawNow(deps(), STAFF, activity.id));
    // Each applicant's result is one transaction: the drawn status and the message.
    const results = requests.filter(
      (r) => r.operation === 'TransactWriteItems' && r.text.includes('"SK":"lottery-result"'),
    );
    expect(results).toHaveLength(5);
    for (const s of applicants) {
      expect((await m.stores.outbox.list(s.id)).map((x) => x.kind)).toEqual(['lottery-result']);
    }

    // The same writes again, as a rerun after a crash would send them: the statuses stand, no message doubles.
    const drawn = await m.stores.signups.listForActivity(activity.id);
    const record = (await m.stores.activities.get(activity.id))!;
    await m.stores.signups.applyDraw(
      drawn.map((s) => ({
        id: s.id,
        status: s.status as 'confirmed' | 'waitlisted',
        rank: s.waitlistRank as string,
        messages: m.domain.drawMessages(record, s, s.status as 'confirmed' | 'waitlisted', now),
      })),
      toIso(now),
    );
    const again = await m.stores.signups.listForActivity(activity.id);
    expect(again.map((s) => [s.id, s.status, s.waitlistRank]).sort()).toEqual(
      drawn.map((s) => [s.id, s.status, s.waitlistRank]).sort(),
    );
    const outbox = (await table.scan()).filter((i) => i.type === 'outbox' && i.activityId === activity.id);
    expect(outbox).toHaveLength(5);
  });
});

describe('the worker’s agenda', () => {
  it('reads an ended activity at most once more, then never again', async () => {
    const past = Date.now() - 30 * 24 * HOUR;
    const activityId = (await m.domain.publishActivity(deps(at(past)), STAFF, seniorClass(past))).id;
    const a = await signUp(at(past), activityId, 'old-a', 130);
    await signUp(at(past), activityId, 'old-b', 131);
    // The old worker kept retrying this promotion's message until the activity ended, and read it ever after.
    await m.domain.cancelSignup(deps(at(past)), person('old-a'), a.id);
    expect((await m.stores.activities.get(activityId))?.wakeAt).not.toBeNull();

    await runWorker();
    expect((await m.stores.activities.get(activityId))?.wakeAt).toBeNull();
    const { result, requests } = await recording(() => runWorker());
    expect(requests.filter((r) => r.text.includes(activityId))).toEqual([]);
    expect(result.activities).toBe(0);
  });

  it('tells everyone of a cancelled activity once, and then leaves it alone', async () => {
    const now = Date.now();
    const activityId = (await m.domain.publishActivity(deps(), STAFF, seniorClass(now, { capacity: 2 }))).id;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await signUp(at(now), activityId, `gone-${i}`, 140 + i));
    await m.domain.cancelActivity(deps(), STAFF, activityId, '场地维修');

    const first = await runWorker();
    expect(first.queued).toBe(3);
    for (const s of made) {
      expect((await m.stores.outbox.list(s.id)).map((x) => x.kind)).toEqual(['activity-cancelled']);
    }
    const { result, requests } = await recording(() => runWorker());
    expect(result.queued).toBe(0);
    expect(requests.filter((r) => r.text.includes(activityId))).toEqual([]);
  });

  it('passes on an offer that ran out, found through the agenda, and tells the next person once', async () => {
    const now = Date.now();
    const activityId = (
      await m.domain.publishActivity(deps(), STAFF, seniorClass(now, { waitlist: 'offer', offerHours: 1 }))
    ).id;
    // A millisecond apart: sign-up ids begin with their time, and the waitlist is in id order.
    const [a, b, c] = [
      await signUp(at(now), activityId, 'lapse-a', 150),
      await signUp(at(now + 1), activityId, 'lapse-b', 151),
      await signUp(at(now + 2), activityId, 'lapse-c', 152),
    ];
    await m.domain.cancelSignup(deps(), person('lapse-a'), a.id);
    expect((await m.stores.signups.get(b.id))?.status).toBe('offered');
    expect((await m.stores.outbox.list(b.id)).map((x) => x.kind)).toEqual(['offer']);
    expect((await m.stores.signups.expiredOffers(toIso(now))).map((s) => s.id)).not.toContain(b.id);
    expect((await m.stores.signups.expiredOffers(toIso(now + 2 * HOUR))).map((s) => s.id)).toContain(b.id);

    const run = await runWorker(now + 2 * HOUR);
    expect(run.expired).toBeGreaterThanOrEqual(1);
    expect((await m.stores.signups.get(b.id))?.status).toBe('expired');
    expect((await m.stores.signups.get(c.id))?.status).toBe('offered');
    // Off the agenda once it is no longer an offer; the next person's offer is on it.
    const lapsed = (await m.stores.signups.expiredOffers(toIso(now + 4 * HOUR))).map((s) => s.id);
    expect(lapsed).not.toContain(b.id);
    expect(lapsed).toContain(c.id);
    await runWorker(now + 2 * HOUR);
    expect((await m.stores.outbox.list(c.id)).map((x) => x.kind)).toEqual(['offer']);
  });

  it('puts activities and offers stored before the agenda existed on it, once', async () => {
    const now = Date.now();
    const activityId = (
      await m.domain.publishActivity(deps(), STAFF, seniorClass(now, { waitlist: 'offer', offerHours: 1 }))
    ).id;
    const a = await signUp(at(now), activityId, 'legacy-a', 160);
    const b = await signUp(at(now), activityId, 'legacy-b', 161);
    await m.domain.cancelSignup(deps(), person('legacy-a'), a.id);
    // As the items were before this change: no wakeAt, and no agenda keys on the activity or the offer.
    const strip = (Key: Record<string, string>, fields: string) =>
      m.db().send(new UpdateCommand({ TableName: table.name, Key, UpdateExpression: `REMOVE ${fields}` }));
    await strip(keys.activity(activityId), 'wakeAt, GSI3PK, GSI3SK');
    await strip(keys.signup(b.id), 'GSI3PK, GSI3SK');
    const later = now + 2 * HOUR;
    expect((await m.stores.activities.due(toIso(later))).map((x) => x.id)).not.toContain(activityId);
    expect((await m.stores.signups.expiredOffers(toIso(later))).map((x) => x.id)).not.toContain(b.id);

    expect(await m.backfillAgenda(now)).toEqual({ activities: 1, offers: 1 });
    expect((await m.stores.activities.due(toIso(now))).map((x) => x.id)).toContain(activityId);
    expect((await m.stores.signups.expiredOffers(toIso(later))).map((x) => x.id)).toContain(b.id);
    expect(await m.backfillAgenda(now)).toEqual({ activities: 0, offers: 0 });
  });
});

describe('a table made before the agenda', () => {
  it('gets the agenda index from ensureTable', async () => {
    const name = `${table.name}-old`;
    const [gsi1, gsi2] = definition.GlobalSecondaryIndexes;
    await table.client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: definition.AttributeDefinitions.filter(
          (a) => !a.AttributeName.startsWith('GSI3'),
        ) as never,
        KeySchema: definition.KeySchema as never,
        GlobalSecondaryIndexes: [gsi1, gsi2] as never,
      }),
    );
    try {
      expect(await ensureTable(table.client, name)).toBe('updated');
      const { Table } = await table.client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2', 'GSI3']);
      expect(await ensureTable(table.client, name)).toBe('exists');
    } finally {
      await dropTable(table.client, name);
    }
  });
});
