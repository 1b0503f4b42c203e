/**
 * The HTTP contract between the mini-program and the functions: every route, and what it answers.
 * docs/api.md and docs/openapi.yaml describe the same routes for people and outside checks.
 */
import type { Activity } from './schemas/activity';
import type { Certificate, Major, School } from './schemas/catalog';
import type { Page } from './schemas/common';
import type { Signup, SignupWithActivity } from './schemas/signup';

export type { Page };

/** `user` for everyone; `staff:<schoolId>` per school a user works for; `admin` for the city bureau. */
export type Role = 'user' | 'admin' | `staff:${string}`;

export interface LoginResponse {
  token: string;
  userId: string;
  roles: Role[];
  expiresAt: string;
}

/** A school's page: the school and what it offers. */
export interface SchoolDetail extends School {
  majorIds: string[];
}

export interface MajorDetail extends Major {
  school: School;
  certificates: Array<Pick<Certificate, 'id' | 'name' | 'issuer' | 'levels'>>;
}

export interface CertificateDetail extends Certificate {
  majors: Array<Pick<Major, 'id' | 'name' | 'level' | 'schoolId'>>;
  schools: Array<Pick<School, 'id' | 'name' | 'county'>>;
}

/** The roster row staff see: the full phone number is shown only here. */
export interface RosterEntry extends Signup {
  waitlistPosition?: number;
}

export interface ApiRoutes {
  'GET /schools': Page<School>;
  'GET /schools/{id}': SchoolDetail;
  'GET /majors': Page<Major>;
  'GET /majors/{id}': MajorDetail;
  'GET /certificates': Page<Certificate>;
  'GET /certificates/{id}': CertificateDetail;
  'GET /activities': Page<Activity>;
  'GET /activities/{id}': Activity;
  'POST /auth/login': LoginResponse;
  'POST /signups': Signup;
  'GET /signups/mine': Page<SignupWithActivity>;
  'GET /signups/{id}': Signup;
  'DELETE /signups/{id}': Signup;
  'GET /staff/activities': Page<Activity>;
  'POST /staff/activities': Activity;
  'PATCH /staff/activities/{id}': Activity;
  'GET /staff/activities/{id}/signups': { items: RosterEntry[] };
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
