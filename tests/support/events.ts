import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import { issueToken } from '../../functions/lib/auth';

/** An API Gateway v2 (HTTP API) event, as the runtime hands it to a handler. */
export function httpEvent(options: {
  method: string;
  path: string;
  routeKey?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  base64?: boolean;
}): APIGatewayProxyEventV2 {
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...options.headers },
    queryStringParameters: options.query,
    pathParameters: options.pathParameters,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'jest',
      },
      requestId: randomBytes(8).toString('hex'),
      routeKey: options.routeKey ?? `${options.method} ${options.path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: options.base64 && body !== undefined ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

export function bearer(
  userId: string,
  roles: string[] = ['user'],
  stage = 'local',
  secret = 'test-secret-for-jest-only-0123456789',
): Record<string, string> {
  const { token } = issueToken({ sub: userId, roles: roles as never, stg: stage }, secret, 3600);
  return { authorization: `Bearer ${token}` };
}

export interface ParsedResult {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function parseResult(result: APIGatewayProxyResultV2): ParsedResult {
  if (typeof result === 'string') return { status: 200, headers: {}, body: JSON.parse(result) };
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}
