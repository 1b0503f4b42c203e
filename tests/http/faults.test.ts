import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startStack, type Stack } from '../../scripts/stack';
import { dayjs, toIso } from '../../shared/time';

/**
 * A crash in the middle of a burst: the API process is killed (SIGKILL) while sign-ups are in flight and
 * started again. Clients retry with the same Idempotency-Key, as the mini-program's outbox does.
 */
let stack: Stack;
const root = join(__dirname, '../..');

beforeAll(async () => {
  stack = await startStack({ quiet: true });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function login(name: string): Promise<string> {
  for (;;) {
    try {
      const res = await call('POST', '/auth/login', undefined, { code: `dev:${name}` });
      // serverless-offline answers a Lambda that timed out with a 200 and `errorMessage`: not a login.
      if (res.status === 200 && typeof res.body?.token === 'string') return res.body.token;
    } catch {
      // the API is down: try again shortly
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a crash during a sign-up burst', () => {
  it('keeps every sign-up that got a 201 and every seat counter equal to its confirmed sign-ups', async () => {
    const staff = await login('staff-shuangliao-vocational');
    const now = dayjs();
    const published = await call('POST', '/staff/activities', staff, {
      kind: 'outreach',
      title: '故障演练：直播带货培训',
      schoolId: 'shuangliao-vocational',
      county: '双辽市',
      place: { township: '茂林镇', village: '新发村', address: '村委会' },
      startsAt: toIso(now.add(3, 'day')),
      endsAt: toIso(now.add(3, 'day').add(2, 'hour')),
      capacity: 15,
      signupOpensAt: toIso(now.subtract(1, 'hour')),
      signupClosesAt: toIso(now.add(2, 'day')),
    });
    expect(published.status).toBe(201);
    const activityId = published.body.id as string;

    const users = Array.from({ length: 40 }, (_, i) => `crash-${i}`);
    const tokens: string[] = [];
    for (let i = 0; i < users.length; i += 10)
      tokens.push(...(await Promise.all(users.slice(i, i + 10).map((u) => login(u)))));
    const created = new Map<string, string>();
    let fivexx = 0;
    let killed = false;
    let done = 0;

    async function signUp(i: number): Promise<void> {
      const body = {
        activityId,
        attendee: {
          name: `演练${String.fromCharCode(0x4e00 + i)}`,
          phone: `137${String(10000000 + i).slice(-8)}`,
          village: '新发村',
        },
      };
      const headers = { 'Idempotency-Key': `crash-test-${i}-key` };
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          const res = await call('POST', '/signups', tokens[i], body, headers);
          if ((res.status === 201 || res.status === 200) && typeof res.body?.id === 'string') {
            const previous = created.get(users[i] as string);
            if (previous) expect(res.body.id).toBe(previous);
            created.set(users[i] as string, res.body.id);
            return;
          }
          if (res.status >= 500 || res.body?.errorMessage) fivexx++;
        } catch {
          // connection refused or reset while the API is down
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`sign-up ${i} never went through`);
    }

    const queue = users.map((_, i) => i);
    const workers = Array.from({ length: 8 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        await signUp(i);
        done++;
        if (!killed && done >= 12) {
          killed = true;
          await stack.killApi();
          await stack.restartApi();
        }
      }
    });
    await Promise.all(workers);
    expect(killed).toBe(true);
    expect(created.size).toBe(users.length);

    for (const [user, id] of created) {
      const token = tokens[users.indexOf(user)];
      const res = await call('GET', `/signups/${id}`, token);
      expect(res.status).toBe(200);
    }
    const roster = await call('GET', `/staff/activities/${activityId}/signups`, staff);
    expect(roster.body.items).toHaveLength(users.length);
    expect(roster.body.items.filter((s: { status: string }) => s.status === 'confirmed')).toHaveLength(15);
    expect(new Set(roster.body.items.map((s: { id: string }) => s.id)).size).toBe(users.length);

    // The operators' check, as shipped: `npm run check:consistency` against this stack's table.
    const check = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/check-consistency.ts')],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          STAGE: 'local',
          TABLE_NAME: stack.tableName,
          DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
        },
      },
    );
    expect(check.stdout).toMatch(/, 0 mismatches/);
    expect(check.status).toBe(0);
    // A 5xx here would be a request that died with the process, not an answer the handler gave.
    expect(fivexx).toBeLessThanOrEqual(20);
  }, 420_000);
});
