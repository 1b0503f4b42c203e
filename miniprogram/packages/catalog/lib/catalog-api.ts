import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { routeRequest } from '@/lib/call-as';
import { request } from '@/services/request';

/**
 * The catalog's own public calls: the school directory with its filters and a major's 升学路径. Only this
 * subpackage uses them, so they stay out of the main package's `services/api.ts`; like `api`, they are typed by
 * shared/routes.ts (lib/call-as.ts says why they do not go through `api`).
 */
const get = <K extends RouteKey>(key: K, input: RequestOf<K>) =>
  request<ResponseOf<K>>(routeRequest(key, input));

type Query<K extends RouteKey> = NonNullable<RequestOf<K>['query']>;

export const catalogApi = {
  /** Every school (no paging), each with its number of 在招 majors; `county`, `kind` and `q` filter. */
  schools: (query: Query<'GET /schools'> = {}) => get('GET /schools', { query }),
  pathway: (id: string) => get('GET /majors/{id}/pathway', { params: { id } }),
};

export type SchoolItem = ResponseOf<'GET /schools'>['items'][number];
export type PathwayView = ResponseOf<'GET /majors/{id}/pathway'>;
export type MajorView = ResponseOf<'GET /majors/{id}'>;
