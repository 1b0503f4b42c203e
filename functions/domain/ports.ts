import type { ActivityKind, Place, Session } from '../../shared/schemas/activity';
import type { Certificate, Major, School } from '../../shared/schemas/catalog';
import type { County } from '../../shared/schemas/common';
import type { Attendee, SignupStatus } from '../../shared/schemas/signup';
import type { Role } from '../../shared/api';

/** What the store keeps of an activity: the view's derived fields (seatsLeft, status …) are computed from it. */
export interface ActivityRecord {
  id: string;
  kind: ActivityKind;
  title: string;
  description: string;
  schoolId: string;
  county: County;
  place: Place;
  startsAt: string;
  endsAt: string;
  sessions: Session[];
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  signupOpensAt: string;
  signupClosesAt: string;
  cancelled: boolean;
  cancelReason: string | null;
  /** Check-ins recorded across all sessions (older items may lack it: read as 0). */
  checkInCount?: number;
  /** Share of sessions needed for a completion record. */
  completionThreshold?: number;
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface SignupRecord {
  id: string;
  activityId: string;
  userId: string;
  status: SignupStatus;
  attendee: Attendee;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string;
  /** Set once the attendee has earned the activity's completion record. */
  completionCode?: string;
  checkInCount?: number;
}

/** Who changed what, with the state before and after: every staff write leaves one. */
export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface CheckInRecord {
  signupId: string;
  activityId: string;
  sessionIndex: number;
  schoolId: string;
  kind: ActivityKind;
  county: County;
  checkedInAt: string;
  checkedInBy: string;
}

export interface CompletionRecord {
  code: string;
  signupId: string;
  activityId: string;
  attendeeName: string;
  sessionsAttended: number;
  sessionsTotal: number;
  hours: number;
  issuedAt: string;
}

export interface AttendanceStore {
  /** Records one check-in per sign-up and session; a second one answers with the first's time. */
  recordCheckIn(
    record: CheckInRecord,
    audit: AuditRecord,
  ): Promise<{ kind: 'recorded' } | { kind: 'duplicate'; checkedInAt: string } | { kind: 'not-confirmed' }>;
  checkInsFor(signupId: string): Promise<Array<{ sessionIndex: number; checkedInAt: string }>>;
  checkInFacts(
    schoolId: string,
    year: number,
  ): Promise<Array<{ schoolId: string; kind: string; county: string; checkedInAt: string }>>;
  /** Issues the completion once; a second call answers with the record issued the first time. */
  issueCompletion(record: CompletionRecord): Promise<CompletionRecord>;
  getCompletion(code: string): Promise<CompletionRecord | null>;
}

export interface SchoolAdminStore {
  putEnrolment(schoolId: string, year: number, students: number, audit: AuditRecord): Promise<void>;
  enrolments(year: number): Promise<Map<string, number>>;
  getEnrolment(schoolId: string, year: number): Promise<number | null>;
}

export interface AuditStore {
  list(cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>>;
}

export interface UserRecord {
  id: string;
  roles: Role[];
  openId?: string;
  createdAt: string;
}

export interface ActivityQuery {
  kind?: ActivityKind;
  county?: County;
  schoolId?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit: number;
  /** Leave out activities that have ended before this instant. */
  endsAfter?: string;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CatalogStore {
  listSchools(): Promise<School[]>;
  listMajors(): Promise<Major[]>;
  listCertificates(): Promise<Certificate[]>;
}

export interface NewSignup {
  record: SignupRecord;
  /** Stable key of the attendee on this activity: one seat per person. */
  attendeeKey: string;
  idempotency?: { key: string; requestHash: string };
}

/** What an attempt to take a seat (or a waitlist place) can end in; the store checks each atomically. */
export type InsertOutcome =
  | { kind: 'inserted' }
  | { kind: 'full' }
  | { kind: 'seat-available' }
  | { kind: 'duplicate' }
  | { kind: 'replay'; signupId: string; requestHash: string }
  | { kind: 'closed' };

export type CancelOutcome = { kind: 'cancelled'; promotedSignupId: string | null } | { kind: 'conflict' };

export interface ActivityStore {
  get(id: string): Promise<ActivityRecord | null>;
  list(query: ActivityQuery): Promise<Paged<ActivityRecord>>;
  listBySchool(schoolIds: string[] | 'all'): Promise<ActivityRecord[]>;
  create(record: ActivityRecord, audit?: AuditRecord): Promise<void>;
  /** Writes the changed fields if the confirmed count still allows the new capacity. */
  update(
    id: string,
    changes: Partial<ActivityRecord>,
    minCapacity: number,
    audit?: AuditRecord,
  ): Promise<'updated' | 'capacity-below-confirmed' | 'missing'>;
  /** Marks it cancelled with the reason, once. */
  cancel(
    id: string,
    reason: string,
    at: string,
    audit: AuditRecord,
  ): Promise<'cancelled' | 'already-cancelled' | 'missing'>;
}

export interface SignupStore {
  get(id: string): Promise<SignupRecord | null>;
  findReplay(userId: string, key: string): Promise<{ signupId: string; requestHash: string } | null>;
  /** Confirms when `mode` is 'confirm' and a seat is free; waitlists when 'waitlist' and the activity is full. */
  insert(signup: NewSignup, mode: 'confirm' | 'waitlist', now: string): Promise<InsertOutcome>;
  /** Cancels and, when a confirmed seat is freed, confirms `promote` (the first waitlisted) in the same transaction. */
  cancel(
    signup: SignupRecord,
    attendeeKey: string,
    promote: SignupRecord | null,
    now: string,
  ): Promise<CancelOutcome>;
  /** Confirms the first waitlisted sign-up into a seat freed by a capacity increase. */
  promote(activityId: string, waitlisted: SignupRecord, now: string): Promise<'promoted' | 'conflict'>;
  firstWaitlisted(activityId: string): Promise<SignupRecord | null>;
  waitlistPosition(signup: SignupRecord): Promise<number>;
  listMine(userId: string, cursor: string | undefined, limit: number): Promise<Paged<SignupRecord>>;
  listForActivity(activityId: string): Promise<SignupRecord[]>;
}

export interface UserStore {
  get(id: string): Promise<UserRecord | null>;
  /** Creates the user on first login; an existing user keeps its roles. */
  ensure(id: string, fields: { openId?: string }, now: string): Promise<UserRecord>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
