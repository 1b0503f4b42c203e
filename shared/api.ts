/**
 * The shapes the functions answer with and the mini-program reads. docs/api.md and docs/openapi.yaml
 * describe the routes for people and outside checks.
 */
import type { Certificate, Major, School } from './schemas/catalog';
import type { Page } from './schemas/common';
import type { FieldIssue } from './errors';
import type { Signup } from './schemas/signup';

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
  checkInCount: number;
}

/** One session of an activity, as an attendee's record shows it. */
export interface AttendanceSession {
  index: number;
  startsAt: string;
  endsAt: string;
  checkedInAt: string | null;
}

export interface Attendance {
  sessions: AttendanceSession[];
  attended: number;
  /** 学时: the hours of the sessions attended. */
  hours: number;
  /** Share of sessions needed for a completion record (0–1). */
  threshold: number;
}

/** What anyone with the verification code can check at GET /completions/{code}. */
export interface Completion {
  code: string;
  attendeeName: string;
  activityId: string;
  activityTitle: string;
  schoolId: string;
  schoolName: string;
  kind: string;
  sessionsAttended: number;
  sessionsTotal: number;
  hours: number;
  startsAt: string;
  endsAt: string;
  issuedAt: string;
}

/** A sign-up as its owner sees it: with the QR payload for the next session and the attendance so far. */
export interface SignupDetail extends Signup {
  checkInCode?: string;
  checkInSession?: { index: number; startsAt: string; endsAt: string };
  attendance?: Attendance;
  completion?: Completion | null;
}

/**
 * One person of `POST /signups/batch`, in the order given: their sign-up, or why they were refused. `attendee`
 * is what the server made of the row (or the row as sent, when it did not validate).
 */
export type SignupBatchResult =
  | {
      attendee: unknown;
      status: 'confirmed' | 'waitlisted' | 'applied';
      signupId: string;
      waitlistPosition?: number;
    }
  | { attendee: unknown; error: { code: string; message: string; fields?: FieldIssue[]; rule?: string } };

export interface SignupBatchResponse {
  results: SignupBatchResult[];
}

export interface CheckInResult {
  signupId: string;
  attendee: { name: string };
  activity: { id: string; title: string };
  session: { index: number; startsAt: string; endsAt: string };
  checkedInAt: string;
}

export interface SchoolStats {
  schoolId: string;
  schoolName: string;
  county: string | null;
  /** 在校生规模, as the school's staff entered it; null until they do. */
  enrolment: number | null;
  /** 培训人次: check-ins at training, outreach, community and senior activities in the year. */
  headcount: number;
  /** The plan's goal: 年培训人次达到在校生规模的2倍以上. */
  target: number | null;
  ratioToTarget: number | null;
  byKind: Record<string, number>;
  /** Twelve numbers, January first. */
  byMonth: number[];
}

export interface StatsResponse {
  year: number;
  schools: SchoolStats[];
  counties: Array<{ county: string; headcount: number }>;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** GET /activities/{id}/draw and the staff's draw: the published commitment, the seed after the draw, the order. */
export interface Draw {
  commitment: string | null;
  /** Revealed after the draw; null before it. */
  seed: string | null;
  drawAt: string | null;
  drawnAt: string | null;
  /** After the draw: every applicant in drawn order, names masked. */
  order: Array<{
    position: number;
    signupId: string;
    name: string;
    result: 'confirmed' | 'waitlisted' | 'cancelled';
  }>;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
