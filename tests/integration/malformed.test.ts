import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { attendee, freshMinute, outreachBody, STAFF_SHUANGLIAO } from '../support/fixtures';

let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
let activityId = '';
let before = 0;

beforeAll(async () => {
  table = await useFreshTable();
  const { seed } = await import('../../scripts/seed');
  await seed();
  const res = await api.call('POST', '/staff/activities', { ...STAFF_SHUANGLIAO, body: outreachBody() });
  activityId = res.body.id;
  before = (await table.scan()).length;
});

afterAll(async () => {
  await table.drop();
});

const good = () => ({ activityId, attendee: attendee(1) });

const signupBodies: Array<[string, unknown]> = [
  ['an empty object', {}],
  ['an array', []],
  ['a string', 'hello'],
  ['null', null],
  ['a number', 42],
  ['no attendee', { activityId: 'x' }],
  ['no activityId', { attendee: attendee(1) }],
  ['attendee as a string', { activityId: 'act-1', attendee: '王秀兰' }],
  ['an empty name', { activityId: 'act-1', attendee: { ...attendee(1), name: '' } }],
  ['a blank name', { activityId: 'act-1', attendee: { ...attendee(1), name: '   ' } }],
  ['a 21-character name', { activityId: 'act-1', attendee: { ...attendee(1), name: '王'.repeat(21) } }],
  [
    'a script tag in the name',
    { activityId: 'act-1', attendee: { ...attendee(1), name: '<script>alert(1)</script>' } },
  ],
  ['digits in the name', { activityId: 'act-1', attendee: { ...attendee(1), name: '王123' } }],
  ['a name as a number', { activityId: 'act-1', attendee: { ...attendee(1), name: 12 } }],
  ['a 10-digit phone', { activityId: 'act-1', attendee: { ...attendee(1), phone: '1390000000' } }],
  ['a landline', { activityId: 'act-1', attendee: { ...attendee(1), phone: '04343333333' } }],
  ['a phone with letters', { activityId: 'act-1', attendee: { ...attendee(1), phone: '1390000000a' } }],
  ['a phone as a number', { activityId: 'act-1', attendee: { ...attendee(1), phone: 13900000000 } }],
  ['a birth year as a string', { activityId: 'act-1', attendee: { ...attendee(1), birthYear: '1958' } }],
  ['a birth year in the future', { activityId: 'act-1', attendee: { ...attendee(1), birthYear: 2090 } }],
  ['a birth year of 1800', { activityId: 'act-1', attendee: { ...attendee(1), birthYear: 1800 } }],
  ['a fractional birth year', { activityId: 'act-1', attendee: { ...attendee(1), birthYear: 1958.5 } }],
  ['a huge village', { activityId: 'act-1', attendee: { ...attendee(1), village: '村'.repeat(200) } }],
  ['an unknown attendee field', { activityId: 'act-1', attendee: { ...attendee(1), idCard: '220381' } }],
  ['an unknown top-level field', { activityId: 'act-1', attendee: attendee(1), status: 'confirmed' }],
  ['an activityId with a path', { activityId: '../etc/passwd', attendee: attendee(1) }],
  ['an activityId as an object', { activityId: { $ne: null }, attendee: attendee(1) }],
  ['an uppercase activityId', { activityId: 'ACT-1', attendee: attendee(1) }],
  [
    'a control character in the village',
    { activityId: 'act-1', attendee: { ...attendee(1), village: 'a\u0000b' } },
  ],
  [
    'a deep object',
    { activityId: 'act-1', attendee: JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)) },
  ],
];

describe('malformed input changes nothing', () => {
  it.each(signupBodies)('refuses a sign-up with %s', async (_label, body) => {
    const res = await api.call('POST', '/signups', { user: 'fuzzer', body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['not JSON', '{"activityId":', 'INVALID_JSON'],
    ['an empty body', '', 'INVALID_JSON'],
    ['a body over 16 KB', JSON.stringify({ ...good(), pad: 'x'.repeat(17 * 1024) }), 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s', async (_label, rawBody, code) => {
    const res = await api.call('POST', '/signups', { user: 'fuzzer', rawBody });
    expect(res.body.error.code).toBe(code);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const { httpEvent, bearer, parseResult } = await import('../support/events');
    const { handler } = await import('../../functions/handlers/signup-create');
    const event = httpEvent({ method: 'POST', path: '/signups', headers: bearer('fuzzer') });
    event.body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64');
    event.isBase64Encoded = true;
    const res = parseResult(await handler(event));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  it('refuses a bad Idempotency-Key and a missing token', async () => {
    expect(
      (
        await api.call('POST', '/signups', {
          user: 'fuzzer',
          body: good(),
          headers: { 'Idempotency-Key': 'short' },
        })
      ).status,
    ).toBe(400);
    expect((await api.call('POST', '/signups', { body: good() })).status).toBe(401);
    expect(
      (await api.call('POST', '/signups', { body: good(), headers: { authorization: 'Bearer not.a.token' } }))
        .status,
    ).toBe(401);
  });

  it.each([
    ['capacity 0', { capacity: 0 }],
    ['negative capacity', { capacity: -5 }],
    ['capacity as a string', { capacity: '40' }],
    ['a huge capacity', { capacity: 1e9 }],
    ['an unknown county', { county: '朝阳区' }],
    ['an unknown kind', { kind: 'party' }],
    [
      'an end before the start',
      { endsAt: '2026-12-20T08:00:00+08:00', startsAt: '2026-12-20T09:00:00+08:00' },
    ],
    ['a date without an offset', { startsAt: '2026-12-20 09:00' }],
    ['an impossible date', { startsAt: '2026-02-30T09:00:00+08:00' }],
    ['a window closing after the end', { signupClosesAt: '2030-01-01T00:00:00+08:00' }],
    ['no place', { place: undefined }],
    ['a script title', { title: '<img src=x onerror=alert(1)>' }],
  ])('refuses to publish an activity with %s', async (_label, overrides) => {
    const res = await api.call('POST', '/staff/activities', {
      ...STAFF_SHUANGLIAO,
      body: outreachBody(overrides),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty patch', {}],
    ['a kind change', { kind: 'senior' }],
    ['capacity as text', { capacity: 'many' }],
  ])('refuses to edit with %s', async (_label, body) => {
    const res = await api.call('PATCH', `/staff/activities/${activityId}`, { ...STAFF_SHUANGLIAO, body });
    expect(res.status).toBe(400);
  });

  it('wrote nothing for any of them', async () => {
    expect((await table.scan()).length).toBe(before);
  });
});

describe('abuse', () => {
  it('answers 429 with Retry-After once a user signs up too often in a minute, counted in the table', async () => {
    const limit = Number(process.env.RATE_LIMIT_SIGNUPS_PER_MINUTE ?? 20);
    await freshMinute();
    const statuses: number[] = [];
    let retryAfter = '';
    for (let i = 0; i < limit + 2; i++) {
      const res = await api.call('POST', '/signups', {
        user: 'hammer',
        body: { activityId, attendee: attendee(5000 + i) },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers['retry-after'] ?? '';
        expect(res.body.error.code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(0, limit - 1).every((s) => s !== 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Another user is not affected.
    expect(
      (await api.call('POST', '/signups', { user: 'gentle', body: { activityId, attendee: attendee(5100) } }))
        .status,
    ).not.toBe(429);
    const windows = (await table.scan()).filter((i) => String(i.PK).startsWith('RATE#signup#hammer'));
    expect(windows.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('limits logins per user the same way', async () => {
    const limit = Number(process.env.RATE_LIMIT_LOGINS_PER_MINUTE ?? 30);
    await freshMinute();
    let limited = 0;
    for (let i = 0; i < limit + 1; i++) {
      const res = await api.call('POST', '/auth/login', { body: { code: 'dev:login-hammer' } });
      if (res.status === 429) limited++;
    }
    expect(limited).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
