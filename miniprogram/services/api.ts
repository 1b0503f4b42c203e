import type {
  CertificateDetail,
  CheckInResult,
  Completion,
  Draw,
  LoginResponse,
  MajorDetail,
  Page,
  RosterEntry,
  SchoolDetail,
  SignupBatchResponse,
  SignupDetail,
  StatsResponse,
} from '@shared/api';
import { IDEMPOTENCY_HEADER } from '@shared/api';
import type { Activity, ActivityListQuery } from '@shared/schemas/activity';
import type { Certificate, Level, Major, MajorGroup, School } from '@shared/schemas/catalog';
import type {
  Attendee,
  FamilyMember,
  FamilyMemberInput,
  Signup,
  SignupWithActivity,
} from '@shared/schemas/signup';
import { auth } from './auth';
import { request } from './request';

/** Typed calls for every route the mini-program uses (shapes from shared/api.ts). */

export interface MajorQuery {
  schoolId?: string;
  level?: Level;
  group?: MajorGroup;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

/** GET /activities's query as the shared schema reads it; the app passes the last page's cursor as it got it. */
export type ActivityQuery = Omit<ActivityListQuery, 'cursor'> & { cursor?: string | null };

export const api = {
  schools: () => request<Page<School>>({ path: '/schools' }),
  school: (id: string) => request<SchoolDetail>({ path: `/schools/${encodeURIComponent(id)}` }),
  majors: (query: MajorQuery) => request<Page<Major>>({ path: '/majors', query: { ...query } }),
  major: (id: string) => request<MajorDetail>({ path: `/majors/${encodeURIComponent(id)}` }),
  certificates: (query: { q?: string; majorId?: string; cursor?: string | null; limit?: number }) =>
    request<Page<Certificate>>({ path: '/certificates', query: { ...query } }),
  certificate: (id: string) =>
    request<CertificateDetail>({ path: `/certificates/${encodeURIComponent(id)}` }),
  activities: (query: ActivityQuery) => request<Page<Activity>>({ path: '/activities', query: { ...query } }),
  activity: (id: string) => request<Activity>({ path: `/activities/${encodeURIComponent(id)}` }),

  login: (code: string) => request<LoginResponse>({ method: 'POST', path: '/auth/login', body: { code } }),

  createSignup: (activityId: string, attendee: Attendee, idempotencyKey: string) =>
    auth.withToken((token) =>
      request<Signup>({
        method: 'POST',
        path: '/signups',
        body: { activityId, attendee },
        token,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      }),
    ),
  /**
   * 团体报名: up to 50 people in one request. The caller makes the key once per list and sends the same key
   * on every retry, so a list whose answer was lost is replayed by the server, never booked twice. The server
   * signs people up one by one, hence the longer timeout (a timeout is retried with the same key).
   */
  signupBatch: (activityId: string, attendees: Attendee[], idempotencyKey: string) =>
    auth.withToken((token) =>
      request<SignupBatchResponse>({
        method: 'POST',
        path: '/signups/batch',
        body: { activityId, attendees },
        token,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        timeoutMs: 30_000,
      }),
    ),
  mySignups: (cursor?: string | null) =>
    auth.withToken((token) =>
      request<Page<SignupWithActivity>>({ path: '/signups/mine', query: { cursor, limit: 50 }, token }),
    ),
  signup: (id: string) =>
    auth.withToken((token) => request<SignupDetail>({ path: `/signups/${encodeURIComponent(id)}`, token })),
  acceptOffer: (id: string) =>
    auth.withToken((token) =>
      request<Signup>({ method: 'POST', path: `/signups/${encodeURIComponent(id)}/accept`, body: {}, token }),
    ),
  draw: (id: string) => request<Draw>({ path: `/activities/${encodeURIComponent(id)}/draw` }),
  completion: (code: string) => request<Completion>({ path: `/completions/${encodeURIComponent(code)}` }),

  family: () => auth.withToken((token) => request<Page<FamilyMember>>({ path: '/family-members', token })),
  addFamily: (body: FamilyMemberInput) =>
    auth.withToken((token) =>
      request<FamilyMember>({ method: 'POST', path: '/family-members', body, token }),
    ),
  updateFamily: (id: string, body: FamilyMemberInput) =>
    auth.withToken((token) =>
      request<FamilyMember>({
        method: 'PUT',
        path: `/family-members/${encodeURIComponent(id)}`,
        body,
        token,
      }),
    ),
  deleteFamily: (id: string) =>
    auth.withToken((token) =>
      request<unknown>({ method: 'DELETE', path: `/family-members/${encodeURIComponent(id)}`, token }),
    ),

  staffActivities: () =>
    auth.withToken((token) => request<Page<Activity>>({ path: '/staff/activities', token })),
  staffRoster: (id: string) =>
    auth.withToken((token) =>
      request<{ items: RosterEntry[] }>({
        path: `/staff/activities/${encodeURIComponent(id)}/signups`,
        token,
      }),
    ),
  staffCreateActivity: (body: unknown) =>
    auth.withToken((token) => request<Activity>({ method: 'POST', path: '/staff/activities', body, token })),
  staffUpdateActivity: (id: string, body: unknown) =>
    auth.withToken((token) =>
      request<Activity>({
        method: 'PATCH',
        path: `/staff/activities/${encodeURIComponent(id)}`,
        body,
        token,
      }),
    ),
  staffCancelActivity: (id: string, reason: string) =>
    auth.withToken((token) =>
      request<Activity>({
        method: 'POST',
        path: `/staff/activities/${encodeURIComponent(id)}/cancel`,
        body: { reason },
        token,
      }),
    ),
  staffDraw: (id: string) =>
    auth.withToken((token) =>
      request<unknown>({
        method: 'POST',
        path: `/staff/activities/${encodeURIComponent(id)}/draw`,
        body: {},
        token,
      }),
    ),
  checkIn: (code: string, scannedAt?: string) =>
    auth.withToken((token) =>
      request<CheckInResult>({ method: 'POST', path: '/staff/check-ins', body: { code, scannedAt }, token }),
    ),
  stats: (year: number) =>
    auth.withToken((token) => request<StatsResponse>({ path: '/staff/stats', query: { year }, token })),
  setEnrolment: (schoolId: string, year: number, students: number) =>
    auth.withToken((token) =>
      request<unknown>({
        method: 'PUT',
        path: `/staff/schools/${encodeURIComponent(schoolId)}/enrolment`,
        body: { year, students },
        token,
      }),
    ),
  cancelSignup: (id: string) =>
    auth.withToken((token) =>
      request<Signup>({ method: 'DELETE', path: `/signups/${encodeURIComponent(id)}`, token }),
    ),
};
