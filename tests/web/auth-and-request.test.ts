import Taro from '@tarojs/taro';
import { createAuth } from '@/services/auth';
import { DEV_IDENTITY_PATTERN, devIdentity } from '@/services/dev-identity';
import { ApiError, NetworkError } from '@/services/errors';
import { KEYS, memoryKv } from '@/services/kv';
import { buildQuery, request } from '@/services/request';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { request: jest.fn(), getStorageSync: jest.fn() },
}));
const taroRequest = Taro.request as unknown as jest.Mock;

describe('request.ts, the one caller of Taro.request', () => {
  beforeEach(() => taroRequest.mockReset());

  it('sends JSON with the bearer token and idempotency key, and returns the body', async () => {
    taroRequest.mockResolvedValue({ statusCode: 201, data: { id: 's-1' } });
    const body = await request<{ id: string }>({
      method: 'POST',
      path: '/signups',
      body: { activityId: 'a' },
      token: 't0k',
      headers: { 'Idempotency-Key': 'su-abcdefgh' },
    });
    expect(body).toEqual({ id: 's-1' });
    const call = taroRequest.mock.calls[0]?.[0];
    expect(call).toMatchObject({
      url: 'http://127.0.0.1:3000/signups',
      method: 'POST',
      data: { activityId: 'a' },
      header: {
        Authorization: 'Bearer t0k',
        'Idempotency-Key': 'su-abcdefgh',
        'Content-Type': 'application/json',
      },
    });
  });

  it('turns the API’s error body into an ApiError with code, message and fields', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 400,
      data: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '填写的信息有误，请按提示修改后再提交',
          fields: [{ field: 'attendee.phone', message: '请填写 11 位手机号，例如 13800138000' }],
        },
      },
    });
    const error = await request({ path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', retryable: false });
    expect((error as ApiError).fields).toHaveLength(1);
  });

  it('tells a missing connection (NetworkError) from a server refusal', async () => {
    taroRequest.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(request({ path: '/x' })).rejects.toBeInstanceOf(NetworkError);
    taroRequest.mockResolvedValue({ statusCode: 502, data: 'Bad gateway' });
    const error = (await request({ path: '/x' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('服务器开小差了，请稍后重试');
  });

  it('leaves empty filters out of the query string and encodes the rest', () => {
    expect(buildQuery({ kind: 'senior', county: '梨树县', q: '', cursor: null, limit: 10 })).toBe(
      `?kind=senior&county=${encodeURIComponent('梨树县')}&limit=10`,
    );
    expect(buildQuery({})).toBe('');
  });
});

describe('auth', () => {
  const answer = (n: number) => ({
    token: `t${n}`,
    userId: 'u-1',
    roles: ['user' as const],
    expiresAt: '2099-01-01T00:00:00+08:00',
  });

  it('logs in once for concurrent callers and keeps the session', async () => {
    const kv = memoryKv();
    const login = jest.fn().mockResolvedValue(answer(1));
    const auth = createAuth({ kv, code: async () => 'dev:u-aaaaaaaaaaaa', login });
    const [a, b] = await Promise.all([auth.session(), auth.session()]);
    expect(a.token).toBe('t1');
    expect(b.token).toBe('t1');
    expect(login).toHaveBeenCalledTimes(1);
    expect(login).toHaveBeenCalledWith('dev:u-aaaaaaaaaaaa');
    expect(kv.get(KEYS.session)).toMatchObject({ token: 't1' });
  });

  it('logs in again once on a 401 and retries the call with the new token', async () => {
    const login = jest.fn().mockResolvedValueOnce(answer(1)).mockResolvedValueOnce(answer(2));
    const auth = createAuth({ kv: memoryKv(), code: async () => 'c', login });
    const call = jest.fn(async (token: string) => {
      if (token === 't1') throw new ApiError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
      return token;
    });
    await expect(auth.withToken(call)).resolves.toBe('t2');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not reuse an expired session', async () => {
    const kv = memoryKv({
      [KEYS.session]: { token: 'old', userId: 'u-1', expiresAt: '2000-01-01T00:00:00+08:00' },
    });
    const auth = createAuth({ kv, code: async () => 'c', login: jest.fn().mockResolvedValue(answer(3)) });
    await expect(auth.session()).resolves.toMatchObject({ token: 't3' });
  });
});

describe('the H5 dev identity', () => {
  it('is dev:u-<12 chars>, made once and kept', () => {
    const kv = memoryKv();
    const first = devIdentity(kv);
    expect(first).toMatch(DEV_IDENTITY_PATTERN);
    expect(devIdentity(kv)).toBe(first);
    expect(devIdentity(memoryKv())).not.toBe(first);
  });
});
