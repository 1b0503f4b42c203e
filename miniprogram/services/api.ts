import type { Attendee, FamilyMemberInput } from '@shared/schemas/signup';
import type { RequestOf, ResponseOf, RouteKey } from '@shared/routes';
import { IDEMPOTENCY_HEADER, routePath, splitRouteKey } from '@shared/route-path';
import { auth } from './auth';
import { request, type RequestOptions } from './request';

type CallOptions = Pick<RequestOptions, 'token' | 'headers' | 'timeoutMs'>;

/** Calls a route of shared/routes.ts by its key: what it takes and answers are the table's types. */
export function call<K extends RouteKey>(
  key: K,
  input: RequestOf<K>,
  options: CallOptions = {},
): Promise<ResponseOf<K>> {
  const [method, path] = splitRouteKey<NonNullable<RequestOptions['method']>>(key);
  return request<ResponseOf<K>>({
    method,
    path: routePath(path, input.params),
    query: input.query as RequestOptions['query'],
    body: input.body,
    ...options,
  });
}

/** A route that needs the caller's token: logs in first when there is none, and once more on a 401. */
function callAs<K extends RouteKey>(key: K, input: RequestOf<K>, options: CallOptions = {}) {
  return auth.withToken((token) => call(key, input, { ...options, token }));
}

type Query<K extends RouteKey> = NonNullable<RequestOf<K>['query']>;

/** The calls the pages make, named for what they do. */
export const api = {
  schools: () => call('GET /schools', {}),
  school: (id: string) => call('GET /schools/{id}', { params: { id } }),
  majors: (query: Query<'GET /majors'>) => call('GET /majors', { query }),
  major: (id: string) => call('GET /majors/{id}', { params: { id } }),
  certificates: (query: Query<'GET /certificates'>) => call('GET /certificates', { query }),
  certificate: (id: string) => call('GET /certificates/{id}', { params: { id } }),
  activities: (query: Query<'GET /activities'>) => call('GET /activities', { query }),
  activity: (id: string) => call('GET /activities/{id}', { params: { id } }),
  draw: (id: string) => call('GET /activities/{id}/draw', { params: { id } }),
  completion: (code: string) => call('GET /completions/{code}', { params: { code } }),

  login: (code: string) => call('POST /auth/login', { body: { code } }),

  createSignup: (activityId: string, attendee: Attendee, idempotencyKey: string) =>
    callAs(
      'POST /signups',
      { body: { activityId, attendee } },
      { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } },
    ),
  /**
   * 团体报名: up to 50 people in one request. The caller makes the key once per list and sends the same key
   * on every retry, so a list whose answer was lost is replayed by the server, never booked twice. The server
   * signs people up one by one, hence the longer timeout (a timeout is retried with the same key).
   */
  signupBatch: (activityId: string, attendees: Attendee[], idempotencyKey: string) =>
    callAs(
      'POST /signups/batch',
      { body: { activityId, attendees } },
      { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey }, timeoutMs: 30_000 },
    ),
  mySignups: (cursor?: string | null) => callAs('GET /signups/mine', { query: { cursor, limit: 50 } }),
  signup: (id: string) => callAs('GET /signups/{id}', { params: { id } }),
  cancelSignup: (id: string) => callAs('DELETE /signups/{id}', { params: { id } }),
  acceptOffer: (id: string) => callAs('POST /signups/{id}/accept', { params: { id } }),

  family: () => callAs('GET /family-members', {}),
  addFamily: (body: FamilyMemberInput) => callAs('POST /family-members', { body }),
  updateFamily: (id: string, body: FamilyMemberInput) =>
    callAs('PUT /family-members/{id}', { params: { id }, body }),
  deleteFamily: (id: string) => callAs('DELETE /family-members/{id}', { params: { id } }),

  me: () => callAs('GET /me', {}),
  redeemInvitation: (code: string) => callAs('POST /invitations/redeem', { body: { code } }),

  staffActivities: () => callAs('GET /staff/activities', {}),
  staffRoster: (id: string) => callAs('GET /staff/activities/{id}/signups', { params: { id } }),
  staffCreateActivity: (body: RequestOf<'POST /staff/activities'>['body']) =>
    callAs('POST /staff/activities', { body }),
  staffUpdateActivity: (id: string, body: RequestOf<'PATCH /staff/activities/{id}'>['body']) =>
    callAs('PATCH /staff/activities/{id}', { params: { id }, body }),
  staffCancelActivity: (id: string, reason: string) =>
    callAs('POST /staff/activities/{id}/cancel', { params: { id }, body: { reason } }),
  staffDraw: (id: string) => callAs('POST /staff/activities/{id}/draw', { params: { id } }),
  checkIn: (code: string, scannedAt?: string) =>
    callAs('POST /staff/check-ins', { body: { code, scannedAt } }),
  stats: (year: number) => callAs('GET /staff/stats', { query: { year } }),
  setEnrolment: (schoolId: string, year: number, students: number) =>
    callAs('PUT /staff/schools/{id}/enrolment', { params: { id: schoolId }, body: { year, students } }),
  staffInvite: (body: RequestOf<'POST /staff/invitations'>['body']) =>
    callAs('POST /staff/invitations', { body }),
  staffInvitations: (schoolId: string) => callAs('GET /staff/invitations', { query: { schoolId } }),
  staffCancelInvitation: (id: string) => callAs('DELETE /staff/invitations/{id}', { params: { id } }),
  staffInvitationWxacode: (id: string, code: string) =>
    callAs('POST /staff/invitations/{id}/wxacode', { params: { id }, body: { code } }),
  staffMembers: (schoolId: string) => callAs('GET /staff/schools/{id}/members', { params: { id: schoolId } }),
  staffRemoveMember: (schoolId: string, userId: string) =>
    callAs('DELETE /staff/schools/{id}/members/{userId}', { params: { id: schoolId, userId } }),
};
