import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inZone, toIso } from '../shared/time';
import { keys } from '../functions/store/keys';
import { dropTable, ensureTable } from '../functions/store/table';
import type { Stack } from '../scripts/stack';
import { gatewayStatus, httpClient, json, type Answer } from './lib/http';
import { ms, times, verdict, type Row } from './lib/report';
import { deployedTimeoutMs } from './lib/service-config';
import { inFlight, percentiles, rampUp, round, type Percentiles } from './lib/stats';

export const USERS = 2000;
export const SEATS = 100;
export const IN_FLIGHT = 50;
/** Logging in is set-up, not the figure: fewer in flight keeps it clear of the function timeout. */
export const LOGIN_IN_FLIGHT = 10;
export const THROUGHPUT_GOAL_RATIO = 0.5;
/** Enough for a steady rate at 50 in flight on DynamoDB Local (about 80 puts/s here). */
export const RAW_PUTS = 1000;
/** The two decomposition runs (seat transaction alone, sign-up in-process): enough for a steady rate. */
export const CEILING_N = 600;
export const STAFF_USER = 'staff-shuangliao-vocational';

export interface BurstResult {
  activityId: string;
  loginsPerSecond: number;
  signups: {
    wallMs: number;
    perSecond: number;
    latency: Percentiles;
    statuses: Record<string, number>;
    created: number;
    confirmed201: number;
    waitlisted201: number;
    serverErrors: number;
    /** 5xx or no answer, yet the sign-up is in the table (the client never learnt it). */
    failedButWritten: number;
    /** Answers slower than provider.timeout: Lambda would have cut them off (the bench stack does not). */
    overTimeout: number;
  };
  raw: { puts: number; wallMs: number; perSecond: number; latency: Percentiles; failures: number };
  /** Where the time goes: the seat transaction alone, and the whole sign-up without HTTP. */
  ceilings: {
    seatTransactions: { n: number; perSecond: number };
    inProcess: { n: number; perSecond: number; statuses: Record<string, number> };
  };
  roster: { confirmed: number; waitlisted: number; items: number };
  table: {
    confirmed: number;
    waitlisted: number;
    signups: number;
    confirmedCount: number;
    waitlistCount: number;
  };
  overbooked: { roster: number; table: number };
  lost: { roster: number; table: number };
}

interface SignupAnswer {
  id: string;
  status: string;
}

function activityBody() {
  const now = inZone();
  return {
    kind: 'training',
    title: '压测：电工技能培训（基准）',
    description: 'npm run bench 创建的活动',
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: { township: '郑家屯街道', address: '双辽市职业中专实训楼' },
    startsAt: toIso(now.add(5, 'day').hour(9).minute(0).second(0)),
    endsAt: toIso(now.add(5, 'day').hour(16).minute(0).second(0)),
    capacity: SEATS,
    signupOpensAt: toIso(now.subtract(1, 'hour')),
    signupClosesAt: toIso(now.add(4, 'day')),
  };
}

/** A distinct attendee per user: CJK names (the name rule wants letters) and distinct mobile numbers. */
function attendee(i: number) {
  return { name: `基准${String.fromCharCode(0x4e00 + i)}`, phone: `139${String(i).padStart(8, '0')}` };
}

/** The functions' own client settings (functions/store/client.ts), pointed at the stack's DynamoDB Local. */
function clients(endpoint: string): { raw: DynamoDBClient; doc: DynamoDBDocumentClient } {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 4,
  });
  return { raw, doc: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }) };
}

/** A fresh table with the functions' definition, dropped afterwards: the raw baselines never touch the stack's. */
async function withScratchTable<T>(
  endpoint: string,
  table: string,
  run: (doc: DynamoDBDocumentClient) => Promise<T>,
): Promise<T> {
  const { raw, doc } = clients(endpoint);
  await dropTable(raw, table);
  await ensureTable(raw, table);
  try {
    return await run(doc);
  } finally {
    await dropTable(raw, table);
    raw.destroy();
  }
}

/** The i-th raw sign-up item, keyed and indexed as the store writes one. */
function signupShapedItem(prefix: string, i: number, now: string) {
  const id = `${prefix}-${String(i).padStart(6, '0')}`;
  const record = {
    id,
    activityId: 'bench-raw',
    userId: `bench-${i}`,
    status: 'confirmed',
    createdAt: now,
    updatedAt: now,
  };
  return {
    id,
    item: {
      ...keys.signup(id),
      ...keys.signupIndexes(record),
      type: 'signup',
      ...record,
      attendee: attendee(i),
    },
  };
}

/** Conditional PutItem of sign-up-shaped items into a table with the same definition, same in-flight count. */
function rawPuts(endpoint: string): Promise<BurstResult['raw']> {
  return withScratchTable(endpoint, 'siping-skills-bench-raw-puts', async (doc) => {
    let failures = 0;
    const now = toIso(Date.now());
    const { results, wallMs } = await inFlight(RAW_PUTS, IN_FLIGHT, async (i) => {
      const started = performance.now();
      try {
        const { item } = signupShapedItem('raw', i, now);
        await doc.send(
          new PutCommand({
            TableName: 'siping-skills-bench-raw-puts',
            Item: item,
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch {
        failures++;
      }
      return performance.now() - started;
    });
    return {
      puts: RAW_PUTS,
      wallMs,
      perSecond: (RAW_PUTS / wallMs) * 1000,
      latency: percentiles(results),
      failures,
    };
  });
}

/**
 * Just the transaction that books a seat, as the store writes it (`insert` in `confirm` mode: the activity's
 * counter, the sign-up and the uniqueness item, with the functions' retry), for a third activity with a seat
 * for each: no rate limit, no reads, no domain checks around it.
 */
async function rawSeatTransactions(
  stack: Stack,
  activityId: string,
): Promise<BurstResult['ceilings']['seatTransactions']> {
  useStackFromHere(stack);
  const { stores } = await import('../functions/store');
  const { attendeeKey, newSignupId } = await import('../functions/domain/signups/signup');
  const { wallMs } = await inFlight(CEILING_N, IN_FLIGHT, async (i) => {
    const now = toIso(Date.now());
    // Other people than the HTTP burst's and the in-process run's.
    const person = attendee(USERS + CEILING_N + i);
    const record = {
      id: newSignupId(Date.now()),
      activityId,
      userId: `bench-seat-${i}`,
      status: 'confirmed' as const,
      attendee: person,
      createdAt: now,
      updatedAt: now,
    };
    const outcome = await stores.signups.insert({ record, attendeeKey: attendeeKey(person) }, 'confirm', now);
    if (outcome.kind !== 'inserted') throw new Error(`seat transaction refused: ${outcome.kind}`);
    return 0;
  });
  return { n: CEILING_N, perSecond: (CEILING_N / wallMs) * 1000 };
}

/** Points the functions' own modules, loaded into this process, at the stack's DynamoDB Local and table. */
function useStackFromHere(stack: Stack): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: stack.tableName,
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    TOKEN_SECRET: 'bench-in-process-only',
    LOG_LEVEL: 'error',
  });
}

/**
 * The handler's own work (rate limit, then createSignup) called in this process against the stack's table,
 * for a second activity: the sign-up without serverless-offline, HTTP and token checks.
 */
async function inProcessSignups(
  stack: Stack,
  activityId: string,
): Promise<BurstResult['ceilings']['inProcess']> {
  useStackFromHere(stack);
  const { stores } = await import('../functions/store');
  const { createSignup } = await import('../functions/domain/signups/signups');
  const { enforceRateLimit } = await import('../functions/lib/rate-limit');
  const statuses: Record<string, number> = {};
  const { wallMs } = await inFlight(CEILING_N, IN_FLIGHT, async (i) => {
    const userId = `bench-inproc-${i}`;
    try {
      await enforceRateLimit(stores.rateLimiter, 'signup', userId);
      const { signup } = await createSignup(
        stores,
        { userId, roles: ['user'] },
        // Other people than the HTTP burst's: theirs hold seats at the same time (TIME_CONFLICT).
        { activityId, attendee: attendee(USERS + i) },
      );
      statuses[signup.status] = (statuses[signup.status] ?? 0) + 1;
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error';
      statuses[code] = (statuses[code] ?? 0) + 1;
    }
    return 0;
  });
  return { n: CEILING_N, perSecond: (CEILING_N / wallMs) * 1000, statuses };
}

async function tableView(endpoint: string, tableName: string, activityId: string) {
  const { raw, doc } = clients(endpoint);
  try {
    const activity = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.activity(activityId), ConsistentRead: true }),
    );
    const signups = new Map<string, string>();
    const users = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName,
          ConsistentRead: true,
          FilterExpression: '#type = :signup AND activityId = :id',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':signup': 'signup', ':id': activityId },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        signups.set(String(item.id), String(item.status));
        users.add(String(item.userId));
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return {
      signups,
      users,
      confirmedCount: Number(activity.Item?.confirmedCount ?? Number.NaN),
      waitlistCount: Number(activity.Item?.waitlistCount ?? Number.NaN),
    };
  } finally {
    raw.destroy();
  }
}

/**
 * 2,000 distinct users sign up for one activity with 100 seats, 50 in flight, over HTTP through
 * serverless-offline; then the roster and the table are read back to count overbooked and lost sign-ups.
 */
export async function measureBurst(
  stack: Stack,
  say: (line: string) => void = () => {},
): Promise<BurstResult> {
  const client = httpClient(stack.apiUrl, IN_FLIGHT + 8);
  try {
    // Logging in is the set-up, not the figure: a login that fails (a timeout on a loaded box) is retried.
    const login = async (name: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        const res = await client.send('POST', '/auth/login', { body: { code: `dev:${name}` } });
        if (gatewayStatus(res) === 200) return json<{ token: string }>(res).token;
        if (attempt === 3) throw new Error(`login ${name}: ${gatewayStatus(res)} ${res.body.slice(0, 200)}`);
      }
    };
    const staff = await login(STAFF_USER);
    const made = await client.send('POST', '/staff/activities', { token: staff, body: activityBody() });
    if (gatewayStatus(made) !== 201)
      throw new Error(`creating the bench activity: ${made.status} ${made.body}`);
    const activityId = json<{ id: string }>(made).id;

    // Warm instances first, as a steady service has them: logins of throw-away users, and sign-ups for an
    // activity that does not exist (404 after a read: module, client and connection warm, nothing written).
    await rampUp((i) => login(`bench-warm-${i}`), LOGIN_IN_FLIGHT);
    const logins = await inFlight(USERS, LOGIN_IN_FLIGHT, (i) => login(`bench-${i}`));
    say(`  ${USERS} logins at ${((USERS / logins.wallMs) * 1000).toFixed(0)}/s`);
    const tokens = logins.results;
    await rampUp(
      (i) =>
        client.send('POST', '/signups', {
          token: tokens[i % USERS],
          body: { activityId: 'bench-no-such-activity', attendee: attendee(i) },
        }),
      IN_FLIGHT,
    );

    const raw = await rawPuts(stack.dynamoEndpoint);
    say(`  ${RAW_PUTS} raw conditional puts at ${raw.perSecond.toFixed(0)}/s`);

    const burst = await inFlight(
      USERS,
      IN_FLIGHT,
      async (i): Promise<Answer | { status: 0; ms: number; body: string }> => {
        try {
          return await client.send('POST', '/signups', {
            token: tokens[i],
            body: { activityId, attendee: attendee(i) },
          });
        } catch (err) {
          return { status: 0, ms: Number.NaN, body: String(err) };
        }
      },
    );
    const statuses: Record<string, number> = {};
    const created: SignupAnswer[] = [];
    const gateway = burst.results.map((a) => gatewayStatus(a));
    burst.results.forEach((answer, i) => {
      const status = gateway[i] ?? 0;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 201) created.push(JSON.parse(answer.body) as SignupAnswer);
    });

    const rosterRes = await client.send('GET', `/staff/activities/${activityId}/signups`, { token: staff });
    if (gatewayStatus(rosterRes) !== 200) throw new Error(`roster: ${rosterRes.status} ${rosterRes.body}`);
    const roster = json<{ items: SignupAnswer[] }>(rosterRes).items;
    const rosterIds = new Set(roster.map((s) => s.id));
    const table = await tableView(stack.dynamoEndpoint, stack.tableName, activityId);

    // After the figure, so neither run shares DynamoDB Local with it; each on an activity of its own.
    const another = async (capacity: number) => {
      const res = await client.send('POST', '/staff/activities', {
        token: staff,
        body: { ...activityBody(), capacity },
      });
      if (gatewayStatus(res) !== 201) throw new Error(`a decomposition activity: ${res.status} ${res.body}`);
      return json<{ id: string }>(res).id;
    };
    const seatTransactions = await rawSeatTransactions(stack, await another(CEILING_N));
    say(`  ${CEILING_N} raw seat transactions at ${seatTransactions.perSecond.toFixed(0)}/s`);
    const inProcess = await inProcessSignups(stack, await another(SEATS));
    say(`  ${CEILING_N} in-process sign-ups at ${inProcess.perSecond.toFixed(0)}/s`);
    const count = (values: Iterable<string>, status: string) =>
      [...values].filter((s) => s === status).length;
    const tableConfirmed = count(table.signups.values(), 'confirmed');
    const rosterConfirmed = count(
      roster.map((s) => s.status),
      'confirmed',
    );

    return {
      activityId,
      loginsPerSecond: round((USERS / logins.wallMs) * 1000),
      signups: {
        wallMs: burst.wallMs,
        perSecond: (USERS / burst.wallMs) * 1000,
        latency: percentiles(burst.results.map((a) => a.ms).filter((v) => Number.isFinite(v))),
        statuses,
        created: created.length,
        confirmed201: created.filter((s) => s.status === 'confirmed').length,
        waitlisted201: created.filter((s) => s.status === 'waitlisted').length,
        serverErrors: gateway.filter((status) => status >= 500 || status === 0).length,
        overTimeout: burst.results.filter((a) => a.ms > deployedTimeoutMs()).length,
        failedButWritten: gateway.filter(
          (status, i) => (status >= 500 || status === 0) && table.users.has(`bench-${i}`),
        ).length,
      },
      raw,
      ceilings: { seatTransactions, inProcess },
      roster: {
        confirmed: rosterConfirmed,
        waitlisted: count(
          roster.map((s) => s.status),
          'waitlisted',
        ),
        items: roster.length,
      },
      table: {
        confirmed: tableConfirmed,
        waitlisted: count(table.signups.values(), 'waitlisted'),
        signups: table.signups.size,
        confirmedCount: table.confirmedCount,
        waitlistCount: table.waitlistCount,
      },
      overbooked: {
        roster: Math.max(0, rosterConfirmed - SEATS),
        table: Math.max(0, tableConfirmed - SEATS, table.confirmedCount - SEATS),
      },
      lost: {
        roster: created.filter((s) => !rosterIds.has(s.id)).length,
        table: created.filter((s) => !table.signups.has(s.id)).length,
      },
    };
  } finally {
    client.close();
  }
}

export function burstRows(r: BurstResult): Row[] {
  const ratio = r.signups.perSecond / r.raw.perSecond;
  const s = r.signups;
  const statusList = Object.entries(s.statuses)
    .map(([status, n]) => `${n}× ${status === '0' ? 'no answer' : status}`)
    .join(', ');
  return [
    {
      figure: `3 · sign-up burst: ${USERS} users, ${SEATS} seats, ${IN_FLIGHT} in flight (HTTP)`,
      measured: `${s.perSecond.toFixed(0)} sign-ups/s (p50 ${ms(s.latency.p50)}, p99 ${ms(s.latency.p99)})`,
      baseline: `${r.raw.perSecond.toFixed(0)} raw conditional puts/s (p50 ${ms(r.raw.latency.p50)})`,
      ratio: times(ratio),
      goal: `≥ ${THROUGHPUT_GOAL_RATIO}× raw`,
      verdict: verdict(ratio >= THROUGHPUT_GOAL_RATIO),
    },
    {
      figure: '3 · where the time goes: the seat transaction alone (counter + sign-up + attendee item)',
      measured: `${r.ceilings.seatTransactions.perSecond.toFixed(0)} transactions/s`,
      baseline: `${r.raw.perSecond.toFixed(0)} raw conditional puts/s`,
      ratio: times(r.ceilings.seatTransactions.perSecond / r.raw.perSecond),
      goal: '— (the ceiling of any sign-up that books a seat atomically)',
      verdict: 'info',
    },
    {
      figure: '3 · where the time goes: the same sign-up in-process (rate limit + domain + store, no HTTP)',
      measured: `${r.ceilings.inProcess.perSecond.toFixed(0)} sign-ups/s (${Object.entries(
        r.ceilings.inProcess.statuses,
      )
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`,
      baseline: `${r.raw.perSecond.toFixed(0)} raw conditional puts/s`,
      ratio: times(r.ceilings.inProcess.perSecond / r.raw.perSecond),
      goal: '—',
      verdict: 'info',
    },
    {
      figure: '3 · overbooked (roster · table)',
      measured: `${r.overbooked.roster} · ${r.overbooked.table}`,
      baseline: `${r.roster.confirmed} · ${r.table.confirmed} confirmed (counter ${r.table.confirmedCount}) of ${SEATS} seats`,
      ratio: '—',
      goal: '0',
      verdict: verdict(
        r.overbooked.roster === 0 && r.overbooked.table === 0 && r.table.confirmedCount === r.table.confirmed,
      ),
    },
    {
      figure: '3 · lost: a 201 missing from roster · table',
      measured: `${r.lost.roster} · ${r.lost.table}`,
      baseline: `${s.created} × 201 (${s.confirmed201} seats, ${s.waitlisted201} waitlist)`,
      ratio: '—',
      goal: '0',
      verdict: verdict(r.lost.roster === 0 && r.lost.table === 0),
    },
    {
      figure: '3 · 5xx or no answer',
      measured: s.serverErrors
        ? `${s.serverErrors} (${s.failedButWritten} of them written nonetheless)`
        : '0',
      baseline: `${statusList}; ${s.overTimeout} slower than the deployed ${deployedTimeoutMs() / 1000} s timeout`,
      ratio: '—',
      goal: '0',
      verdict: verdict(s.serverErrors === 0),
    },
  ];
}
