/**
 * The worker-day simulation of bench piece 6, run in its own process by bench/worker-day.ts: the functions read
 * their settings once per process (functions/lib/env.ts), and the bench's other pieces point theirs at the stack.
 * It uses only what every revision has (the worker's handler, `stores`, the domain's sign-up and activity
 * builders, `db()`), so the same file measures the code before and after a change.
 *
 * Set-up, not counted: one lottery class (SEATS seats) and APPLICANTS applications, each applicant logged in
 * with the templates accepted. Counted: two simulated days of the scheduled worker, one run every 5 minutes on
 * a controlled clock — the day from the draw, then the day before the class (its reminders).
 *
 * Usage (environment set by the caller): node --import tsx bench/lib/worker-day-run.ts <out.json>
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { toIso } from '../../shared/time';
import { shortIdOf } from '../../functions/domain/people/people';

const APPLICANTS = 1000;
const SEATS = 100;
const RUNS_PER_DAY = 288;
const RUN_EVERY_MS = 5 * 60_000;
const HOUR = 3600_000;

/** DynamoDB calls of one phase: write items (refused conditional writes included) and read requests. */
export interface Tally {
  writeItems: number;
  writeRequests: number;
  /** Items of writes whose condition failed (a refused put, a cancelled transaction): they cost capacity too. */
  refusedItems: number;
  readRequests: number;
  /** Items the reads returned (a Query page counts its items). */
  readItems: number;
  byOperation: Record<string, { requests: number; items: number; refused: number }>;
}

export interface DayResult {
  runs: number;
  from: string;
  to: string;
  wallMs: number;
  tally: Tally;
  /** The worker's own summaries, added up over the day's runs. */
  worker: Record<string, number>;
}

export interface WorkerDayResult {
  applicants: number;
  seats: number;
  activityId: string;
  setupMs: number;
  days: { draw: DayResult; eve: DayResult };
  /** Outbox items at the end, by kind and status, and what the stand-in WeChat received, by template. */
  outbox: Record<string, number>;
  wechat: Record<string, number>;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

function emptyTally(): Tally {
  return { writeItems: 0, writeRequests: 0, refusedItems: 0, readRequests: 0, readItems: 0, byOperation: {} };
}

/** How many items a write request writes (or tries to). */
function itemsOf(operation: string, input: Record<string, unknown>): number {
  if (operation === 'BatchWriteItem') {
    const requests = (input.RequestItems ?? {}) as Record<string, unknown[]>;
    return Object.values(requests).reduce((n, list) => n + list.length, 0);
  }
  if (operation === 'TransactWriteItems') return ((input.TransactItems ?? []) as unknown[]).length;
  return 1;
}

/** The stand-in for WeChat: a token, and errcode 0 for every message, counted by template. */
async function fakeWechat(): Promise<{ base: string; received: Record<string, number>; close(): void }> {
  const received: Record<string, number> = {};
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if ((req.url ?? '').startsWith('/cgi-bin/token')) {
      res.end(JSON.stringify({ access_token: 'bench-token', expires_in: 7200 }));
      return;
    }
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const template = String((JSON.parse(body) as { template_id?: string }).template_id);
      received[template] = (received[template] ?? 0) + 1;
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: worker-day-run.ts <out.json>');
  const wechat = await fakeWechat();
  // Before the functions' modules load: they read the environment once.
  Object.assign(process.env, {
    WECHAT_API_BASE: wechat.base,
    WECHAT_APP_ID: 'wx-bench',
    WECHAT_APP_SECRET: 'bench-secret',
    LOG_LEVEL: 'error',
  });
  const { db, tableName } = await import('../../functions/store/client');
  const { ensureTable } = await import('../../functions/store/table');
  const { stores } = await import('../../functions/store');
  const { newActivityRecord } = await import('../../functions/domain/activities/activity');
  const { createSignup } = await import('../../functions/domain/signups/signups');
  const { handler } = await import('../../functions/handlers/rules-worker');
  const { env } = await import('../../functions/lib/env');

  const raw = new DynamoDBClient({
    endpoint: env().dynamodbEndpoint,
    region: env().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(raw, tableName());

  // Counts every attempt DynamoDB sees: below the SDK's retry middleware, so a retried request counts again.
  let tally: Tally | null = null;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      const current = tally;
      if (!current || (!WRITES.has(operation) && !READS.has(operation))) return next(args);
      const entry = (current.byOperation[operation] ??= { requests: 0, items: 0, refused: 0 });
      entry.requests++;
      if (READS.has(operation)) current.readRequests++;
      const items = WRITES.has(operation) ? itemsOf(operation, args.input as Record<string, unknown>) : 0;
      if (WRITES.has(operation)) {
        current.writeRequests++;
        current.writeItems += items;
        entry.items += items;
      }
      try {
        const result = await next(args);
        if (READS.has(operation)) {
          const output = result.output as { Count?: number; Item?: unknown; Responses?: unknown[] };
          const returned = output.Count ?? (output.Item ? 1 : (output.Responses?.length ?? 0));
          current.readItems += returned;
          entry.items += returned;
        }
        return result;
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
          current.refusedItems += items;
          entry.refused += items;
        }
        throw err;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'benchWriteCounter' },
  );

  // The virtual clock every store, rule and the worker read.
  let now = Date.parse('2027-03-01T10:00:00+08:00');
  stores.clock = { now: () => now };

  const setupStarted = Date.now();
  const drawAt = now + HOUR;
  const startsAt = drawAt + 48 * HOUR;
  const activityId = 'bench-worker-day';
  const record = newActivityRecord(
    {
      kind: 'training',
      title: '基准：电工技能培训（摇号）',
      description: 'bench 6：调度任务一天的写入',
      schoolId: 'shuangliao-vocational',
      county: '双辽市',
      place: { township: '郑家屯街道', address: '双辽市职业中专实训楼' },
      startsAt: toIso(startsAt),
      endsAt: toIso(startsAt + 2 * HOUR),
      capacity: SEATS,
      signupOpensAt: toIso(now - HOUR),
      signupClosesAt: toIso(drawAt),
      enrolment: 'lottery',
      drawAt: toIso(drawAt),
    } as Parameters<typeof newActivityRecord>[0],
    { id: activityId, createdBy: 'bench', now },
  );
  await stores.activities.create(record);
  const templates = env().wechat.templates;
  const applicants = Array.from({ length: APPLICANTS }, (_, i) => i);
  for (let i = 0; i < applicants.length; i += 25) {
    await Promise.all(
      applicants.slice(i, i + 25).map(async (n) => {
        const userId = `bench-day-${n}`;
        await stores.users.ensure(userId, { shortId: shortIdOf(userId) }, toIso(now));
        // What the app asks for at sign-up: the result, and the two reminders.
        await stores.subscriptions.accept(userId, [templates.result, templates.reminder]);
        await stores.subscriptions.accept(userId, [templates.reminder]);
        await createSignup(stores, { userId, roles: ['user'] }, {
          activityId,
          attendee: {
            name: `基准${String.fromCharCode(0x4e00 + n)}`,
            phone: `137${String(n).padStart(8, '0')}`,
          },
        } as Parameters<typeof createSignup>[2]);
      }),
    );
  }
  const setupMs = Date.now() - setupStarted;

  async function day(first: number): Promise<DayResult> {
    const phase = emptyTally();
    const worker: Record<string, number> = {};
    const started = Date.now();
    tally = phase;
    for (let run = 0; run < RUNS_PER_DAY; run++) {
      now = first + run * RUN_EVERY_MS;
      const summary = await handler();
      for (const [k, v] of Object.entries(summary)) worker[k] = (worker[k] ?? 0) + v;
    }
    tally = null;
    return {
      runs: RUNS_PER_DAY,
      from: toIso(first),
      to: toIso(first + (RUNS_PER_DAY - 1) * RUN_EVERY_MS),
      wallMs: Date.now() - started,
      tally: phase,
      worker,
    };
  }
  const draw = await day(drawAt);
  process.stderr.write(`[worker-day] draw day: ${draw.tally.writeItems} writes in ${draw.wallMs} ms\n`);
  // Back to back: the second day ends as the class begins.
  const eve = await day(startsAt - 24 * HOUR);
  process.stderr.write(`[worker-day] the day before: ${eve.tally.writeItems} writes in ${eve.wallMs} ms\n`);

  const outbox: Record<string, number> = {};
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: '#type = :outbox',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':outbox': 'outbox' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const key = `${String(item.kind)} ${String(item.status)}`;
      outbox[key] = (outbox[key] ?? 0) + 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);

  const result: WorkerDayResult = {
    applicants: APPLICANTS,
    seats: SEATS,
    activityId,
    setupMs,
    days: { draw, eve },
    outbox,
    wechat: wechat.received,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  wechat.close();
  raw.destroy();
  db().destroy();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
