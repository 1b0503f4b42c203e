import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { auth } from '@/services';
import { request, type RequestOptions } from '@/services/request';

/**
 * A route of shared/routes.ts called with the user's token (logging in first, and once more on a 401), for
 * the subpackages' own calls: 名单签到, 现场报名, 下一期, 使用微信手机号, 导出 and 注销. Only subpackages import
 * this file, so the build copies it into each of them and the main package (every visitor's first download)
 * does not grow with their calls.
 *
 * Like `services/api.ts`'s `call` it is typed by the route table; it reads the route key itself rather than
 * importing `services/api.ts` or `shared/route-path.ts`: a subpackage importing either stops webpack from
 * inlining them into the main package's services module, which costs the main package up to 0.5 KB.
 */
export function callAs<K extends RouteKey>(
  key: K,
  input: RequestOf<K>,
  extra: Pick<RequestOptions, 'headers' | 'timeoutMs'> = {},
): Promise<ResponseOf<K>> {
  const space = key.indexOf(' ');
  const method = key.slice(0, space) as NonNullable<RequestOptions['method']>;
  const params: Record<string, string> = input.params ?? {};
  const path = key
    .slice(space + 1)
    .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return auth.withToken((token) =>
    request<ResponseOf<K>>({
      method,
      path,
      query: input.query as RequestOptions['query'],
      body: input.body,
      token,
      ...extra,
    }),
  );
}
