import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { request, type Query as QueryParams } from '@/services/request';

/**
 * The catalog's own public calls: the school directory with its filters and a major's 升学路径. Only this
 * subpackage uses them, so they stay out of the main package's `services/api.ts`; like `api`, they are typed by
 * shared/routes.ts. They read the route key themselves (as packages/staff/lib/catalog-api.ts explains, importing
 * `services/api.ts` or `route-path.ts` from a subpackage costs the main package its inlining).
 */
function get<K extends RouteKey>(key: K, input: RequestOf<K>): Promise<ResponseOf<K>> {
  const params: Record<string, string> = input.params ?? {};
  const path = key
    .slice(key.indexOf(' ') + 1)
    .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return request<ResponseOf<K>>({ path, query: input.query as QueryParams });
}

type Query<K extends RouteKey> = NonNullable<RequestOf<K>['query']>;

export const catalogApi = {
  /** Every school (no paging), each with its number of 在招 majors; `county`, `kind` and `q` filter. */
  schools: (query: Query<'GET /schools'> = {}) => get('GET /schools', { query }),
  pathway: (id: string) => get('GET /majors/{id}/pathway', { params: { id } }),
};

export type SchoolItem = ResponseOf<'GET /schools'>['items'][number];
export type PathwayView = ResponseOf<'GET /majors/{id}/pathway'>;
export type MajorView = ResponseOf<'GET /majors/{id}'>;
