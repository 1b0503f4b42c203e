import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { expectDocumented } from './contract-check';
import { bearer, httpEvent, parseResult, type ParsedResult } from './events';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

const ROUTES: Array<[string, RegExp, string]> = [
  ['GET', /^\/schools$/, 'schools-list'],
  ['GET', /^\/schools\/([^/]+)$/, 'school-get'],
  ['GET', /^\/majors$/, 'majors-list'],
  ['GET', /^\/majors\/([^/]+)$/, 'major-get'],
  ['GET', /^\/certificates$/, 'certificates-list'],
  ['GET', /^\/certificates\/([^/]+)$/, 'certificate-get'],
  ['GET', /^\/activities$/, 'activities-list'],
  ['GET', /^\/activities\/([^/]+)$/, 'activity-get'],
  ['POST', /^\/auth\/login$/, 'auth-login'],
  ['POST', /^\/signups$/, 'signup-create'],
  ['POST', /^\/signups\/batch$/, 'signup-batch'],
  ['POST', /^\/signups\/([^/]+)\/accept$/, 'signup-accept'],
  ['POST', /^\/staff\/signups\/([^/]+)\/cancel$/, 'staff-signup-cancel'],
  ['POST', /^\/staff\/activities\/([^/]+)\/draw$/, 'staff-draw'],
  ['GET', /^\/activities\/([^/]+)\/draw$/, 'activity-draw'],
  ['GET', /^\/family-members$/, 'family-list'],
  ['POST', /^\/family-members$/, 'family-create'],
  ['PUT', /^\/family-members\/([^/]+)$/, 'family-update'],
  ['DELETE', /^\/family-members\/([^/]+)$/, 'family-delete'],
  ['GET', /^\/me\/subscriptions$/, 'subscriptions-get'],
  ['POST', /^\/me\/subscriptions$/, 'subscriptions-put'],
  ['GET', /^\/signups\/mine$/, 'signups-mine'],
  ['GET', /^\/signups\/([^/]+)$/, 'signup-get'],
  ['DELETE', /^\/signups\/([^/]+)$/, 'signup-cancel'],
  ['GET', /^\/staff\/activities$/, 'staff-activities-list'],
  ['POST', /^\/staff\/activities$/, 'staff-activity-create'],
  ['PATCH', /^\/staff\/activities\/([^/]+)$/, 'staff-activity-update'],
  ['GET', /^\/staff\/activities\/([^/]+)\/signups$/, 'staff-roster'],
  ['POST', /^\/staff\/activities\/([^/]+)\/cancel$/, 'staff-activity-cancel'],
  ['POST', /^\/staff\/check-ins$/, 'staff-check-in'],
  ['GET', /^\/staff\/stats$/, 'staff-stats'],
  ['PUT', /^\/staff\/schools\/([^/]+)\/enrolment$/, 'staff-enrolment-put'],
  ['GET', /^\/staff\/audit$/, 'staff-audit-list'],
  ['GET', /^\/completions\/([^/]+)$/, 'completion-get'],
];

/** Which handler module serves a method and path, as serverless.yml routes it. */
export function routeHandlerName(method: string, path: string): string {
  const route = ROUTES.find(([m, re]) => m === method && re.test(path));
  if (!route) throw new Error(`no route for ${method} ${path}`);
  return route[2];
}

/**
 * Calls the real handler modules with API Gateway v2 events, routed the way serverless.yml routes
 * them: the integration tests exercise exactly what Lambda would run.
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
  async function call(
    method: string,
    path: string,
    options: {
      user?: string;
      roles?: string[];
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      query?: Record<string, string>;
    } = {},
  ): Promise<ParsedResult> {
    // First match wins, as in API Gateway: `/signups/mine` is listed before `/signups/{id}`.
    const route = ROUTES.find(([m, re]) => m === method && re.test(path));
    if (!route) throw new Error(`no route for ${method} ${path}`);
    const match = route[1].exec(path);
    const handler = await load(route[2]);
    const headers = { ...(options.user ? bearer(options.user, options.roles) : {}), ...options.headers };
    const answer = parseResult(
      await handler(
        httpEvent({
          method,
          path,
          pathParameters: match?.[1]
            ? { [route[2] === 'completion-get' ? 'code' : 'id']: decodeURIComponent(match[1]) }
            : undefined,
          query: options.query,
          headers,
          body: options.body,
          rawBody: options.rawBody,
        }),
      ),
    );
    await expectDocumented(method, path, answer);
    return answer;
  }
  return { call };
}
