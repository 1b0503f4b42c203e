import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { outreachBody, STAFF_SHUANGLIAO } from '../support/fixtures';

let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
const lines: string[] = [];

beforeAll(async () => {
  table = await useFreshTable();
  process.env.LOG_LEVEL = 'debug';
  const { seed } = await import('../../scripts/seed');
  await seed();
});

afterAll(async () => {
  jest.restoreAllMocks();
  await table.drop();
});

describe('logs', () => {
  it('are JSON lines with a request id and never carry a raw phone number or name', async () => {
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    jest.spyOn(console, 'log').mockImplementation(capture);
    jest.spyOn(console, 'error').mockImplementation(capture);
    const phone = '13912345678';
    const { body: activity } = await api.call('POST', '/staff/activities', {
      ...STAFF_SHUANGLIAO,
      body: outreachBody(),
    });
    await api.call('POST', '/signups', {
      user: 'logged',
      body: { activityId: activity.id, attendee: { name: '孙丽华', phone, village: '新发村' } },
    });
    await api.call('POST', '/signups', {
      user: 'logged',
      body: { activityId: activity.id, attendee: { name: '孙丽华', phone, village: '新发村' } },
    });
    await api.call('POST', '/signups', {
      user: 'logged',
      body: { activityId: activity.id, attendee: { name: '孙丽华', phone: `${phone}9` } },
    });
    await api.call('GET', `/staff/activities/${activity.id}/signups`, { ...STAFF_SHUANGLIAO });
    // An unexpected failure whose message quotes the request: its details are logged, redacted.
    const { log } = await import('../../functions/lib/log');
    log.error('unhandled', { error: `ValidationException: bad value {"phone":"${phone}","name":"孙丽华"}` });

    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(typeof entry.level).toBe('string');
      expect(typeof entry.message).toBe('string');
      if (entry.message === 'request' || entry.message === 'refused')
        expect(entry.requestId).toMatch(/^[0-9a-f]{8,}$/);
      expect(line).not.toContain(phone);
      expect(line).not.toContain('丽华');
    }
    expect(lines.join('\n')).toContain('139****5678');
  });

  it('log a catalog read the cache answered at debug, leaving it to the access log, and a miss at info', async () => {
    lines.length = 0;
    const query = { level: '中职' };
    expect((await api.call('GET', '/majors', { query })).status).toBe(200);
    expect((await api.call('GET', '/majors', { query })).status).toBe(200);
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.message === 'request');
    expect(requests.map((r) => [r.level, r.cache, r.status])).toEqual([
      ['info', 'miss', 200],
      ['debug', 'hit', 200],
    ]);
  });
});
