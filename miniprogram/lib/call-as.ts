import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { auth } from '@/services';
import { request, type RequestOptions } from '@/services/request';

/**
 * The subpackages' own calls of shared/routes.ts: 名单签到, 现场报名, 下一期, 使用微信手机号, 导出, 注销, the catalog's
 * editing and Excel, the school directory and 升学路径. Only subpackages import this file, so the build keeps it
 * out of the main package (every visitor's first download), which does not grow with their calls.
 *
 * Like `services/api.ts`'s `call` it is typed by the route table; it reads the route key itself rather than
 * importing `services/api.ts` or `shared/route-path.ts`: a subpackage importing either stops webpack from
 * inlining them into the main package's services module, which costs the main package up to 0.5 KB.
 */
export function routeRequest<K extends RouteKey>(
  key: K,
  input: RequestOf<K>,
): Pick<RequestOptions, 'method' | 'path' | 'query' | 'body'> {
  const space = key.indexOf(' ');
  const params: Record<string, string> = input.params ?? {};
  return {
    method: key.slice(0, space) as NonNullable<RequestOptions['method']>,
    path: key
      .slice(space + 1)
      .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
    query: input.query as RequestOptions['query'],
    body: input.body,
  };
}

/**
 * The route with the user's token (logging in first, and once more on a 401). `extra.body` sends bytes (a
 * workbook) in place of the route's JSON body.
 */
export function callAs<K extends RouteKey>(
  key: K,
  input: RequestOf<K>,
  extra: Pick<RequestOptions, 'headers' | 'timeoutMs'> & { body?: ArrayBuffer } = {},
): Promise<ResponseOf<K>> {
  return auth.withToken((token) => request<ResponseOf<K>>({ ...routeRequest(key, input), token, ...extra }));
}
