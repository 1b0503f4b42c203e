import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as v from 'valibot';
import { httpHandler, ok } from '../../functions/lib/http';
import type { RouteSpec } from '../../shared/routes';
import { gunzipSync } from 'node:zlib';
import {
  acceptsGzip,
  cacheKey,
  createResponseCache,
  type CachedAnswer,
} from '../../functions/lib/response-cache';
import { DomainError } from '../../functions/domain/errors';
import { httpEvent } from '../support/events';

const answer = (body: string): CachedAnswer => ({ status: 200, body, etag: `W/"${body}"`, headers: {} });

describe('the response cache', () => {
  it('serves one build per key until the TTL passes', async () => {
    let clock = 0;
    const cache = createResponseCache({ ttlMs: 1000, now: () => clock, random: () => 0 });
    let builds = 0;
    const build = async () => answer(`v${++builds}`);
    expect((await cache.get('k', build))?.body).toBe('v1');
    clock = 999;
    expect((await cache.get('k', build))?.body).toBe('v1');
    clock = 1000;
    expect((await cache.get('k', build))?.body).toBe('v2');
    expect(builds).toBe(2);
  });

  it('ends each entry somewhere in the last fifth of the TTL, never after it', async () => {
    let clock = 0;
    let draw = 1;
    const cache = createResponseCache({ ttlMs: 1000, now: () => clock, random: () => draw });
    let builds = 0;
    const build = async () => answer(`v${++builds}`);
    await cache.get('k', build);
    clock = 799;
    expect((await cache.get('k', build))?.body).toBe('v1');
    clock = 800;
    draw = 0.5;
    expect((await cache.get('k', build))?.body).toBe('v2');
    clock = 800 + 899;
    expect((await cache.get('k', build))?.body).toBe('v2');
    clock = 800 + 900;
    expect((await cache.get('k', build))?.body).toBe('v3');
  });

  it('shares one build among concurrent misses of a key', async () => {
    const cache = createResponseCache({ ttlMs: 1000 });
    let builds = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const build = async () => {
      builds++;
      await gate;
      return answer('shared');
    };
    const waiting = [cache.get('k', build), cache.get('k', build), cache.get('k', build)];
    release();
    expect((await Promise.all(waiting)).map((a) => a?.body)).toEqual(['shared', 'shared', 'shared']);
    expect(builds).toBe(1);
  });

  it('keeps neither failures nor answers that must not be shared', async () => {
    const cache = createResponseCache({ ttlMs: 1000 });
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await cache.get('k', async () => undefined);
    expect(cache.size).toBe(0);
    expect((await cache.get('k', async () => answer('ok')))?.body).toBe('ok');
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const cache = createResponseCache({ ttlMs: 1000, maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => answer(k));
    expect(cache.size).toBe(3);
    let rebuilt = false;
    await cache.get('a', async () => ((rebuilt = true), answer('a2')));
    expect(rebuilt).toBe(true);
  });

  it('keys a query the same whatever order its parameters came in', () => {
    expect(cacheKey(['t', 'GET /majors'], { level: '高职专科', q: 'a' })).toBe(
      cacheKey(['t', 'GET /majors'], { q: 'a', level: '高职专科' }),
    );
    expect(cacheKey(['t', 'GET /majors'], { q: 'a' })).not.toBe(cacheKey(['t', 'GET /majors'], { q: 'b' }));
  });
});

/** Test routes: a public list that takes a query, and a private one. */
const publicRoute = {
  operationId: 'things',
  summary: 'things',
  auth: 'public',
  query: v.object({ q: v.optional(v.string()) }),
  cache: 'public',
  responses: { 200: { description: 'things', schema: v.unknown() } },
  errors: [],
} as const satisfies RouteSpec;
const privateRoute = { ...publicRoute, query: undefined, cache: undefined } as const satisfies RouteSpec;

const event = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  httpEvent({ method: 'GET', path: '/things', query, headers });

describe('httpHandler with cacheTtlMs', () => {
  beforeAll(() => {
    Object.assign(process.env, {
      STAGE: 'test',
      TABLE_NAME: 'unit-response-cache',
      TOKEN_SECRET: 'unit-test-secret-0123456789abcdef',
      LOG_LEVEL: 'error',
    });
  });

  it('builds a public answer once, answers 304 from the cache, and never caches refusals', async () => {
    let builds = 0;
    const handler = httpHandler(
      publicRoute,
      async (req) => {
        builds++;
        if (req.query.q === 'bad') throw new DomainError('INVALID_QUERY');
        return ok({ items: [builds] });
      },
      { cacheTtlMs: 60_000 },
    );
    const first = (await handler(event())) as APIGatewayProxyStructuredResultV2;
    const second = (await handler(event())) as APIGatewayProxyStructuredResultV2;
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(builds).toBe(1);
    // A hit still carries its own request id.
    expect(second.headers?.['x-request-id']).not.toBe(first.headers?.['x-request-id']);
    const etag = String(first.headers?.etag);
    const revalidated = (await handler(
      event({}, { 'If-None-Match': etag }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(builds).toBe(1);

    for (let i = 0; i < 2; i++) {
      const refused = (await handler(event({ q: 'bad' }))) as APIGatewayProxyStructuredResultV2;
      expect(refused.statusCode).toBe(400);
    }
    expect(builds).toBe(3);
  });

  it('does not cache private answers', async () => {
    let builds = 0;
    const handler = httpHandler(privateRoute, async () => ok({ n: ++builds }), { cacheTtlMs: 60_000 });
    await handler(event());
    const second = (await handler(event())) as APIGatewayProxyStructuredResultV2;
    expect(JSON.parse(String(second.body))).toEqual({ n: 2 });
    expect(second.headers?.etag).toBeUndefined();
  });

  it('gzips a large public answer for a caller that accepts gzip, and only then', async () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      id: `activity-${i}`,
      title: '送教下乡：玉米种植技术',
    }));
    const handler = httpHandler(publicRoute, async () => ok({ items }), { cacheTtlMs: 60_000 });
    const plain = (await handler(event())) as APIGatewayProxyStructuredResultV2;
    expect(plain.isBase64Encoded).toBeFalsy();
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(plain.headers?.vary).toBe('accept-encoding');
    const zipped = (await handler(
      event({}, { 'Accept-Encoding': 'gzip, deflate, br' }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(zipped.isBase64Encoded).toBe(true);
    expect(zipped.headers?.['content-encoding']).toBe('gzip');
    expect(zipped.headers?.etag).toBe(plain.headers?.etag);
    const body = gunzipSync(Buffer.from(String(zipped.body), 'base64')).toString('utf8');
    expect(body).toBe(plain.body);
    expect(String(zipped.body).length).toBeLessThan(String(plain.body).length / 4);
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip', true],
    ['br, gzip;q=0.5', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['gzip;q=0.0, br', false],
    ['deflate, br', false],
    ['', false],
    ['x-gzip', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
