import { createServer, type Server } from 'node:http';
import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';

let table: Awaited<ReturnType<typeof useFreshTable>>;
let wechat: Server;
const received: string[] = [];

beforeAll(async () => {
  table = await useFreshTable('local');
  const { seed } = await import('../../scripts/seed');
  await seed();
  // A stand-in for WeChat's code2Session on loopback: it knows one code.
  wechat = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    received.push(url.pathname);
    res.setHeader('content-type', 'application/json');
    if (url.searchParams.get('js_code') === 'good-code' && url.searchParams.get('secret') === 'app-secret') {
      res.end(JSON.stringify({ openid: 'o-abc123', session_key: 'never-leaves-the-server' }));
    } else {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    }
  });
  await new Promise<void>((r) => wechat.listen(0, '127.0.0.1', () => r()));
});

afterAll(async () => {
  await new Promise((r) => wechat.close(r));
  await table.drop();
});

describe('login in stage local', () => {
  const api = handlerApi();
  it('logs dev:<name> in as the stable user <name> with roles from the table', async () => {
    const res = await api.call('POST', '/auth/login', { body: { code: 'dev:staff-lishu-vocational' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: 'staff-lishu-vocational',
      roles: ['user', 'staff:lishu-vocational'],
    });
    const again = await api.call('POST', '/auth/login', { body: { code: 'dev:staff-lishu-vocational' } });
    expect(again.body.userId).toBe(res.body.userId);
    const fresh = await api.call('POST', '/auth/login', { body: { code: 'dev:new-person' } });
    expect(fresh.body.roles).toEqual(['user']);
    const mine = await api.call('GET', '/signups/mine', {
      headers: { authorization: `Bearer ${fresh.body.token}` },
    });
    expect(mine.status).toBe(200);
  });

  it('answers 401 to a forged, an expired and another secret’s token on private routes', async () => {
    const { issueToken } = await import('../../functions/lib/auth');
    const good = issueToken(
      { sub: 'alice', roles: ['user'], stg: 'local' },
      'test-secret-for-jest-only-0123456789',
      60,
    ).token;
    const [v, , sig] = good.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'admin', roles: ['admin'], stg: 'local', iat: 0, exp: 9e9 }),
    ).toString('base64url');
    const expired = issueToken(
      { sub: 'alice', roles: ['user'], stg: 'local' },
      'test-secret-for-jest-only-0123456789',
      60,
      Date.now() - 3600_000,
    ).token;
    const otherSecret = issueToken(
      { sub: 'alice', roles: ['user'], stg: 'local' },
      'a-different-secret-entirely-0123456789',
      60,
    ).token;
    for (const token of [`${v}.${forgedPayload}.${sig}`, expired, otherSecret, 'v1.e30.AAAA']) {
      const res = await api.call('GET', '/signups/mine', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toMatch(/^(UNAUTHORIZED|TOKEN_EXPIRED)$/);
    }
    expect(
      (await api.call('GET', '/signups/mine', { headers: { authorization: `Bearer ${good}` } })).status,
    ).toBe(200);
  });

  it('refuses malformed dev codes', async () => {
    for (const code of ['dev:', 'dev:UPPER', 'dev:a b', `dev:${'a'.repeat(33)}`]) {
      const res = await api.call('POST', '/auth/login', { body: { code } });
      expect(res.status).toBe(400);
    }
  });
});

describe('login outside stage local', () => {
  it('refuses dev codes and exchanges real codes with WeChat', async () => {
    jest.resetModules();
    const address = wechat.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    Object.assign(process.env, {
      STAGE: 'prod',
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'app-secret',
      WECHAT_API_BASE: `http://127.0.0.1:${port}`,
      TOKEN_SECRET: 'a-production-length-secret-0123456789',
    });
    const api = handlerApi();
    const dev = await api.call('POST', '/auth/login', { body: { code: 'dev:admin' } });
    expect(dev.status).toBe(400);
    expect(dev.body.error.code).toBe('INVALID_LOGIN_CODE');
    const bad = await api.call('POST', '/auth/login', { body: { code: 'bad-code' } });
    expect(bad.body.error.code).toBe('INVALID_LOGIN_CODE');
    const good = await api.call('POST', '/auth/login', { body: { code: 'good-code' } });
    expect(good.status).toBe(200);
    expect(good.body.userId).toMatch(/^wx-[0-9a-f]{24}$/);
    expect(JSON.stringify(good.body)).not.toContain('never-leaves-the-server');
    expect(JSON.stringify(good.body)).not.toContain('o-abc123');
    expect(received).toContain('/sns/jscode2session');
    // A token from the local stage does not open prod.
    const { bearer } = await import('../support/events');
    const mine = await api.call('GET', '/signups/mine', { headers: bearer('alice', ['user'], 'local') });
    expect(mine.status).toBe(401);
  });
});
