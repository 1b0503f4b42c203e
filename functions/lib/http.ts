import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type * as v from 'valibot';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { IDEMPOTENCY_HEADER } from '../../shared/route-path';
import type { RouteSpec } from '../../shared/routes';
import { IdempotencyKeySchema } from '../../shared/schemas/signup';
import { validate } from '../../shared/validate';
import { DomainError } from '../domain/errors';
import { isAdmin, isStaff, type Caller } from '../domain/access';
import type { UserStore } from '../domain/people/ports';
import { verifyToken } from './auth';
import { catalogCacheSeconds, env } from './env';
import { log } from './log';
import { cacheKey, createResponseCache, gzippedBody, weakEtag, type CachedAnswer } from './response-cache';
import { loadSecrets } from './secrets';

const MAX_BODY_BYTES = 16 * 1024;

interface HttpRequest {
  event: APIGatewayProxyEventV2;
  requestId: string;
  method: string;
  headers: Record<string, string>;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
}

type Out<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined;

/** A request that has passed its route's checks: the caller known, params, query and body parsed. */
export interface RouteRequest<R extends RouteSpec> extends Omit<HttpRequest, 'query'> {
  caller: R['auth'] extends 'public' ? undefined : Caller;
  params: { [N in keyof R['params']]: string };
  query: R['query'] extends v.GenericSchema ? v.InferOutput<R['query']> : Record<string, never>;
  body: R['upload'] extends object ? Buffer : Out<R['body']>;
  /** The `Idempotency-Key` header of an idempotent route, when sent. */
  idempotencyKey: string | undefined;
}

/** One of the answers the route declares, with that status's body. */
export type RouteAnswer<R extends RouteSpec> = {
  [S in keyof R['responses'] & number]: {
    status: S;
    body: R['responses'][S] extends { schema: infer B } ? Out<B> : undefined;
    /** A body that is not JSON (a CSV export); `headers` then names its content type. */
    rawBody?: string;
    /** A binary body (a workbook); `headers` names its content type. */
    binaryBody?: Buffer;
    headers?: Record<string, string>;
  };
}[keyof R['responses'] & number];

interface HttpResponse {
  status: number;
  body?: unknown;
  rawBody?: string;
  binaryBody?: Buffer;
  headers?: Record<string, string>;
  cache?: RouteSpec['cache'];
}

/**
 * How long a function instance keeps a public answer: the catalog changes a few times a year; an
 * activity list's seat counts may lag this much (the detail page and the sign-up itself are always live).
 */
export const CACHE_TTL_MS = { catalog: catalogCacheMs(), activities: 30_000 } as const;

/**
 * The catalog's per-instance cache, 30 s unless CATALOG_CACHE_SECONDS says otherwise (the browser tests' stacks
 * shorten it, so a journey waits out the bound in seconds rather than a minute). Applies to the public answers
 * and to the catalog store beneath them: an edit shows everywhere within twice this.
 */
function catalogCacheMs(): number {
  return catalogCacheSeconds() * 1000;
}

const CACHE_CONTROL = {
  public: 'public, max-age=60',
  revalidate: 'no-cache',
  private: 'private, no-store',
} as const;

function errorResponse(
  code: ErrorCode,
  requestId: string,
  extra: Partial<ErrorBody['error']> & Record<string, unknown> = {},
): APIGatewayProxyResultV2 {
  // The code and its message come last: nothing a refusal carries may stand in for them.
  const message = typeof extra.message === 'string' ? extra.message : ERRORS[code].message;
  const body: ErrorBody = { error: { ...extra, code, message } };
  if (ERRORS[code].status >= 500) body.error.requestId = requestId;
  const retryAfter: Record<string, string> =
    typeof extra.retryAfterSeconds === 'number' ? { 'retry-after': String(extra.retryAfterSeconds) } : {};
  return {
    statusCode: ERRORS[code].status,
    headers: {
      ...retryAfter,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
    body: JSON.stringify(body),
  };
}

let accountGate: ((userId: string) => Promise<string | null>) | undefined;

/**
 * How the adapter learns when an account closed (functions/store/index.ts wires it to the user table, with a short
 * per-instance cache): every call with a token issued before then is 401 ACCOUNT_CLOSED.
 */
export function gateClosedAccounts(closedAt: (userId: string) => Promise<string | null>): void {
  accountGate = closedAt;
}

/**
 * The adapter every route goes through. Before the handler runs it checks what the route table declares
 * (shared/routes.ts): the caller (401, and 403 for staff and admin routes), the path parameters (404), the
 * query (400) and the body (400); so a handler only parses nothing and decides nothing of that. It catches
 * everything (serverless-offline would answer a throw with a 200), shows a caller only errors below 500,
 * and keeps the details of the rest in the log.
 */
export function httpHandler<R extends RouteSpec>(
  route: R,
  fn: (req: RouteRequest<R>) => Promise<RouteAnswer<R>>,
  options: {
    /** Staff, admin and fresh-role routes re-read the caller's roles from here. */
    users?: UserStore;
    /** Public GET answers are kept this long in the function instance (see lib/response-cache.ts). */
    cacheTtlMs?: number;
    /** The cache's group: a write to what it shows forgets the group's answers (`forgetGroup`). */
    cacheGroup?: string;
  } = {},
) {
  const cache = options.cacheTtlMs
    ? createResponseCache({ ttlMs: options.cacheTtlMs, group: options.cacheGroup })
    : undefined;
  const rolesFromTable = route.auth === 'staff' || route.auth === 'admin' || !!route.freshRoles;
  if (rolesFromTable && !options.users) throw new Error(`${route.operationId}: needs the user store`);

  async function checked(req: HttpRequest): Promise<HttpResponse> {
    const query = route.query
      ? parse(route.query, req.query, 'INVALID_QUERY')
      : Object.keys(req.query).length > 0
        ? refuse('INVALID_QUERY', '这个接口不接受查询参数')
        : {};
    const caller = route.auth === 'public' ? undefined : await callerOf(req);
    for (const [name, schema] of Object.entries(route.params ?? {})) {
      if (!validate(schema, req.pathParameters[name] ?? '').ok)
        throw new DomainError(route.notFound ?? 'NOT_FOUND');
    }
    const rawKey = route.idempotent ? req.headers[IDEMPOTENCY_HEADER.toLowerCase()] : undefined;
    const idempotencyKey = rawKey === undefined ? undefined : parse(IdempotencyKeySchema, rawKey);
    const body = route.body
      ? parse(route.body, jsonBody(req))
      : route.upload
        ? uploadBody(req, route.upload)
        : undefined;
    const answer: HttpResponse = await fn({
      ...req,
      caller,
      params: req.pathParameters,
      query,
      body,
      idempotencyKey,
    } as RouteRequest<R>);
    return answer.status === 200 && route.cache ? { ...answer, cache: route.cache } : answer;
  }

  async function callerOf(req: HttpRequest): Promise<Caller> {
    const { issuedAt, ...token } = requireCaller(req);
    const refuseClosed = (closedAt: string | null | undefined) => {
      // 注销: a token from before the account closed opens nothing (a later login starts afresh).
      if (closedAt && issuedAt <= Date.parse(closedAt)) throw new DomainError('ACCOUNT_CLOSED');
    };
    if (!rolesFromTable || !options.users) {
      if (accountGate) refuseClosed(await accountGate(token.userId));
      return token;
    }
    // Staff actions trust the table, not the token: a role withdrawn today stops working today.
    const user = await options.users.get(token.userId);
    refuseClosed(user?.closedAt);
    const caller: Caller = { userId: token.userId, roles: user?.roles ?? [] };
    if (route.auth === 'staff' && !isStaff(caller)) throw new DomainError('FORBIDDEN');
    if (route.auth === 'admin' && !isAdmin(caller))
      throw new DomainError('FORBIDDEN', { message: '只有市教育局管理员可以进行这项操作' });
    return caller;
  }

  function serialize(res: HttpResponse, requestId: string): CachedAnswer {
    const body =
      res.binaryBody?.toString('base64') ??
      res.rawBody ??
      (res.body === undefined ? '' : JSON.stringify(res.body));
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': CACHE_CONTROL[res.cache ?? 'private'],
      'x-request-id': requestId,
      ...res.headers,
    };
    const shareable = res.status === 200 && !!res.cache;
    const etag = shareable ? weakEtag(body) : '';
    if (etag) {
      headers.etag = etag;
      headers.vary = 'accept-encoding';
    }
    return { status: res.status, body, etag, headers, ...(res.binaryBody ? { base64: true } : {}) };
  }

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const requestId =
      event.requestContext?.requestId ??
      createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 16);
    const started = Date.now();
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([k, val]) => [k.toLowerCase(), val ?? '']),
    );
    const method = event.requestContext?.http?.method ?? 'GET';
    const req: HttpRequest = {
      event,
      requestId,
      method,
      headers,
      pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
      query: (event.queryStringParameters ?? {}) as Record<string, string>,
    };
    try {
      await loadSecrets();
      let answer: CachedAnswer | undefined;
      let hit = false;
      if (cache && method === 'GET') {
        let own: CachedAnswer | undefined;
        const key = cacheKey([env().tableName, event.routeKey ?? '', event.rawPath ?? ''], req.query);
        const shared = await cache.get(key, async () => {
          own = serialize(await checked(req), requestId);
          return own.etag ? own : undefined;
        });
        hit = !own && !!shared;
        answer = shared ?? own;
      }
      // A concurrent caller's answer that was not shareable is not ours: build our own.
      answer ??= serialize(await checked(req), requestId);
      const out = hit ? { ...answer.headers, 'x-request-id': requestId } : answer.headers;
      const notModified = method === 'GET' && matchesEtag(headers['if-none-match'], answer.etag);
      // API Gateway's access log (serverless.yml) records every request with its id, route, status and
      // latency; a public answer served from this instance's cache adds nothing to it, and is the bulk
      // of all traffic. Misses, writes and refusals are what only the function can tell.
      (hit || notModified ? log.debug : log.info)('request', {
        requestId,
        method,
        route: event.routeKey,
        status: notModified ? 304 : answer.status,
        ...(cache ? { cache: hit ? 'hit' : 'miss' } : {}),
        ms: Date.now() - started,
      });
      if (notModified) return { statusCode: 304, headers: out, body: '' };
      const gzipped = gzippedBody(answer, headers['accept-encoding']);
      if (gzipped) {
        return {
          statusCode: answer.status,
          headers: { ...out, 'content-encoding': 'gzip' },
          body: gzipped,
          isBase64Encoded: true,
        };
      }
      return {
        statusCode: answer.status,
        headers: out,
        body: answer.body,
        ...(answer.base64 ? { isBase64Encoded: true } : {}),
      };
    } catch (err) {
      if (err instanceof DomainError) {
        log.info('refused', {
          requestId,
          method,
          route: event.routeKey,
          code: err.code,
          ms: Date.now() - started,
        });
        return errorResponse(err.code, requestId, {
          ...(err.details ?? {}),
          ...(err.fields ? { fields: err.fields } : {}),
          message: err.message,
        });
      }
      log.error('unhandled', {
        requestId,
        method,
        route: event.routeKey,
        error: String(err),
        stack: (err as Error)?.stack,
      });
      return errorResponse('INTERNAL', requestId);
    }
  };
}

/** If-None-Match may list several tags, or `*`. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch || !etag) return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/** Reads a JSON body: over 16 KB is 413, bytes that are not UTF-8 or not JSON are 400. */
function jsonBody(req: HttpRequest): unknown {
  const raw: unknown = req.event.body;
  if (raw === undefined || raw === null || raw === '')
    throw new DomainError('INVALID_JSON', { message: '请求内容为空，请填写后再提交' });
  // API Gateway always hands over text; serverless-offline passes a JSON body of `false` or `0` on already
  // parsed. Either way it is the caller's JSON value, for the route's schema to refuse.
  if (typeof raw !== 'string') return raw;
  const bytes = req.event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('INVALID_JSON', { message: '请求内容的文字编码不正确，请使用 UTF-8' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('INVALID_JSON');
  }
}

/**
 * Reads an uploaded file (a workbook) as bytes: only this route's content types, and only up to its own limit,
 * which is larger than a JSON form's.
 */
function uploadBody(req: HttpRequest, upload: NonNullable<RouteSpec['upload']>): Buffer {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!upload.contentTypes.includes(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { message: upload.wrongTypeMessage });
  }
  const raw: unknown = req.event.body;
  if (typeof raw !== 'string' || raw === '') {
    throw new DomainError('INVALID_JSON', { message: upload.emptyMessage });
  }
  const bytes = req.event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'binary');
  if (bytes.length > upload.maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', { message: upload.tooLargeMessage });
  }
  return bytes;
}

/** Validates with a shared schema; a failure lists every field to fix, and nothing is written. */
function parse<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  code: ErrorCode = 'VALIDATION_FAILED',
): v.InferOutput<S> {
  const result = validate(schema, input);
  if (!result.ok) throw new DomainError(code, { fields: result.issues });
  return result.value;
}

/** The caller a verified token names; a missing or bad token is a 401. */
function requireCaller(req: HttpRequest): ReturnType<typeof verifyToken> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._-]{10,2048})$/.exec(header);
  if (!match?.[1]) throw new DomainError('UNAUTHORIZED');
  const { tokenSecret, stage } = env();
  return verifyToken(match[1], tokenSecret, stage);
}

function refuse(code: ErrorCode, message: string): never {
  throw new DomainError(code, { message });
}

export const ok = <T>(body: T) => ({ status: 200 as const, body });
export const created = <T>(body: T) => ({ status: 201 as const, body });
