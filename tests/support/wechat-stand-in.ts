import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stand-in received: its path, the access token in its query, and its JSON body. */
export interface WechatCall {
  path: string;
  token: string | null;
  body: Record<string, unknown>;
}

type Route = (call: WechatCall, res: ServerResponse) => void;

/**
 * A stand-in for api.weixin.qq.com on loopback: it hands out an access token and answers the routes a test
 * gives it; every call is recorded. The functions reach it through WECHAT_API_BASE.
 */
export async function startWechatStandIn(routes: Record<string, Route>): Promise<{
  calls: WechatCall[];
  env: Record<string, string>;
  close(): Promise<void>;
}> {
  const calls: WechatCall[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const call = {
        path: url.pathname,
        token: url.searchParams.get('access_token'),
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
      };
      calls.push(call);
      if (url.pathname === '/cgi-bin/token')
        return json(res, { access_token: 'token-for-tests', expires_in: 7200 });
      const route = routes[url.pathname];
      if (route) return route(call, res);
      json(res, { errcode: 40001, errmsg: 'no such api in the stand-in' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    calls,
    env: {
      WECHAT_API_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'app-secret',
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function json(res: ServerResponse, body: unknown): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
