import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { ROUTES, type PathOf, type RouteKey, type RouteMethod } from '../../shared/routes';
import { XLSX_CONTENT_TYPE } from '../../shared/schemas/catalog-editing';
import { splitRouteKey } from '../../shared/route-path';
import { deployedRoutes } from '../../scripts/lib/serverless-file';
import { expectDocumented } from './contract-check';
import { bearer, httpEvent, parseResult, type ParsedResult } from './events';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

interface Resolved {
  key: RouteKey;
  /** The handler module under functions/handlers/, as serverless.yml names it. */
  module: string;
  pathParameters: Record<string, string> | undefined;
}

const modules = new Map(
  deployedRoutes().map((r) => [r.route, r.handler.replace(/^functions\/handlers\/|\.handler$/g, '')]),
);

/**
 * The route a concrete request hits, as API Gateway picks it: a path without parameters beats one with
 * them (`/signups/mine` before `/signups/{id}`).
 */
export function resolveRoute(method: string, path: string): Resolved {
  const candidates = (Object.keys(ROUTES) as RouteKey[])
    .map((key) => {
      const [m, template] = splitRouteKey(key);
      const names: string[] = [];
      const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const match = m === method ? new RegExp(`^${pattern}$`).exec(path) : null;
      return { key, names, match };
    })
    .filter((c) => c.match)
    .sort((a, b) => a.names.length - b.names.length);
  const best = candidates[0];
  if (!best?.match) throw new Error(`no route for ${method} ${path}`);
  const module = modules.get(best.key);
  if (!module) throw new Error(`${best.key} is not deployed in serverless.yml`);
  const values = best.match.slice(1).map((v) => decodeURIComponent(v));
  return {
    key: best.key,
    module,
    pathParameters: best.names.length
      ? Object.fromEntries(best.names.map((n, i) => [n, values[i] ?? '']))
      : undefined,
  };
}

/** The handler module that serves a method and path. */
export function routeHandlerName(method: string, path: string): string {
  return resolveRoute(method, path).module;
}

/**
 * Calls the real handler modules with API Gateway v2 events, routed by the route table and serverless.yml:
 * the integration tests exercise exactly what Lambda would run, and every answer is checked against
 * docs/openapi.yaml.
 */
export function handlerApi() {
  const cache = new Map<string, Handler>();
  async function load(name: string): Promise<Handler> {
    let handler = cache.get(name);
    if (!handler) {
      handler = ((await import(`../../functions/handlers/${name}`)) as { handler: Handler }).handler;
      cache.set(name, handler);
    }
    return handler;
  }
  async function call<M extends RouteMethod>(
    method: M,
    path: PathOf<M>,
    options: {
      user?: string;
      roles?: string[];
      body?: unknown;
      rawBody?: string;
      /** An upload's bytes, sent base64 as API Gateway hands over a binary body (content type .xlsx unless given). */
      file?: Buffer;
      headers?: Record<string, string>;
      query?: Record<string, string>;
    } = {},
  ): Promise<ParsedResult> {
    const route = resolveRoute(method, path);
    const handler = await load(route.module);
    const headers = {
      ...(options.file ? { 'content-type': XLSX_CONTENT_TYPE } : {}),
      ...(options.user ? bearer(options.user, options.roles) : {}),
      ...options.headers,
    };
    const event = httpEvent({
      method,
      path,
      routeKey: route.key,
      pathParameters: route.pathParameters,
      query: options.query,
      headers,
      body: options.body,
      rawBody: options.rawBody,
    });
    if (options.file) {
      event.body = options.file.toString('base64');
      event.isBase64Encoded = true;
    }
    const answer = binaryResult(await handler(event));
    await expectDocumented(method, path, answer);
    return answer;
  }
  return { call };
}

/** A binary answer (the catalog workbook) with its body as the bytes; any other answer as parseResult reads it. */
function binaryResult(result: APIGatewayProxyResultV2): ParsedResult {
  if (typeof result !== 'object' || !result.isBase64Encoded) return parseResult(result);
  const headers = (result.headers ?? {}) as Record<string, string>;
  if (/json/.test(headers['content-type'] ?? '')) return parseResult(result);
  return { status: result.statusCode ?? 200, headers, body: Buffer.from(result.body ?? '', 'base64') };
}
