import type { CertificateDetail, LoginResponse, MajorDetail, Page, SchoolDetail } from '@shared/api';
import { IDEMPOTENCY_HEADER } from '@shared/api';
import type { Activity, ActivityKind } from '@shared/schemas/activity';
import type { Certificate, Level, Major, MajorGroup, School } from '@shared/schemas/catalog';
import type { County } from '@shared/schemas/common';
import type { Attendee, Signup, SignupWithActivity } from '@shared/schemas/signup';
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

export interface ActivityQuery {
  kind?: ActivityKind;
  county?: County;
  schoolId?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

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
  mySignups: (cursor?: string | null) =>
    auth.withToken((token) =>
      request<Page<SignupWithActivity>>({ path: '/signups/mine', query: { cursor, limit: 50 }, token }),
    ),
  signup: (id: string) =>
    auth.withToken((token) => request<Signup>({ path: `/signups/${encodeURIComponent(id)}`, token })),
  cancelSignup: (id: string) =>
    auth.withToken((token) =>
      request<Signup>({ method: 'DELETE', path: `/signups/${encodeURIComponent(id)}`, token }),
    ),
};
