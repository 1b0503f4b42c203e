import type { AuditEntry } from '../../shared/api';
import type { ActivityListQuery, ActivityRecord } from '../../shared/schemas/activity';
import type { Certificate, Major, School } from '../../shared/schemas/catalog';
import type {
  CheckInRecord,
  CompletionRecord,
  OutboxMessage,
  UserRecord,
} from '../../shared/schemas/records';
import type { FamilyMember, SignupRecord } from '../../shared/schemas/signup';

/**
 * The records the stores keep are declared as schemas in shared/ (each store parses what it reads with them);
 * the domain names them here, beside the operations on them.
 */
export type { ActivityRecord, CheckInRecord, CompletionRecord, OutboxMessage, SignupRecord, UserRecord };

/** Who changed what, with the state before and after: every staff write leaves one, stored as the API shows it. */
export type AuditRecord = AuditEntry;

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

/** GET /activities's query (the shared schema's output) with a page size, and what the stores add. */
export type ActivityQuery = ActivityListQuery & {
  limit: number;
  /** Leave out activities that have ended before this instant. */
  endsAfter?: string;
};

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
  /** A per-person limit of activities of this kind in a term, counted atomically with the seat. */
  termLimit?: { key: string; limit: number };
  /** Messages the new sign-up is owed (a reminder whose window is open): queued in the seat's transaction. */
  messages?: OutboxMessage[];
}

/** Who moves up when a seat frees: confirmed at once (`auto`), or offered until a deadline (`offer`). */
export interface Promotion {
  record: SignupRecord;
  as: 'confirmed' | 'offered';
  offerExpiresAt?: string;
  /** What the promoted person is told (domain/notify.ts): queued in the promotion's transaction. */
  messages?: OutboxMessage[];
}

/** What an attempt to take a seat (or a waitlist place) can end in; the store checks each atomically. */
export type InsertOutcome =
  | { kind: 'inserted' }
  | { kind: 'full' }
  | { kind: 'seat-available' }
  | { kind: 'duplicate' }
  | { kind: 'replay'; signupId: string; requestHash: string }
  | { kind: 'term-limit' }
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
  /** Records the start of a draw once, with the seed revealed: a second draw finds it taken. */
  beginDraw(id: string, now: string, order: string[]): Promise<'begun' | 'already-drawn'>;
  /** Sets the seat counters from the drawn sign-ups and marks the draw done. */
  finishDraw(id: string, counts: { confirmed: number; waitlisted: number }, now: string): Promise<void>;
  /** The activities on the worker's agenda whose `wakeAt` is at or before `now`. */
  due(now: string): Promise<ActivityRecord[]>;
  /**
   * Moves the activity's `wakeAt` from `from` to `to` (null takes it off the agenda), unless it changed since it
   * was read: a revision or a cancellation meanwhile keeps its own, earlier call. False when it had changed.
   */
  reschedule(id: string, from: string, to: string | null): Promise<boolean>;
  /**
   * Marks it cancelled with the reason, once, and puts it on the worker's agenda at `at` (wakeAt), so that the
   * next run tells everyone signed up.
   */
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
  /**
   * `confirm` takes a seat if one is free; `waitlist` joins the waitlist if the activity is full; `apply`
   * files a lottery application, touching no shared counter.
   */
  insert(signup: NewSignup, mode: 'confirm' | 'waitlist' | 'apply', now: string): Promise<InsertOutcome>;
  /** Cancels and, when a held seat is freed, passes it to `promote` in the same transaction. */
  cancel(
    signup: SignupRecord,
    attendeeKey: string,
    promote: Promotion | null,
    now: string,
    termKey?: string,
  ): Promise<CancelOutcome>;
  /** Moves the first waitlisted person into a seat freed by a capacity increase. */
  promote(activityId: string, promotion: Promotion, now: string): Promise<'promoted' | 'conflict'>;
  /** Takes the offered seat; `messages` (the confirmation, a reminder) are queued in the same transaction. */
  acceptOffer(
    signup: SignupRecord,
    now: string,
    messages?: OutboxMessage[],
  ): Promise<'confirmed' | 'conflict'>;
  /** Ends an unclaimed offer and passes the seat on (or frees it when nobody waits). */
  expireOffer(
    signup: SignupRecord,
    attendeeKey: string,
    next: Promotion | null,
    now: string,
    termKey?: string,
  ): Promise<'expired' | 'conflict'>;
  /**
   * Writes a lottery's result: statuses and waitlist ranks in drawn order, each with its messages (the result,
   * a reminder) in the same transaction. A sign-up cancelled meanwhile keeps its cancellation; a message queued
   * by an earlier, interrupted run of the same draw is not queued again.
   */
  applyDraw(
    assignments: Array<{
      id: string;
      status: 'confirmed' | 'waitlisted';
      rank: string;
      messages?: OutboxMessage[];
    }>,
    now: string,
  ): Promise<void>;
  /** Offered sign-ups whose offer ran out at or before `now` (the worker's agenda of offers). */
  expiredOffers(now: string): Promise<SignupRecord[]>;
  firstWaitlisted(activityId: string): Promise<SignupRecord | null>;
  /**
   * 1 for the next to get a seat. Exact near the front; further back an estimate: the activity's counter, or
   * `estimate` when the caller has just read it.
   */
  waitlistPosition(signup: SignupRecord, estimate?: number): Promise<number>;
  listMine(userId: string, cursor: string | undefined, limit: number): Promise<Paged<SignupRecord>>;
  listForActivity(activityId: string): Promise<SignupRecord[]>;
  /** The activities an attendee (by attendee key) holds a live sign-up on. */
  attendeeSignups(attendeeKey: string): Promise<Array<{ activityId: string; signupId: string }>>;
}

export interface FamilyStore {
  list(userId: string): Promise<FamilyMember[]>;
  put(userId: string, member: FamilyMember, limit: number): Promise<'saved' | 'limit'>;
  remove(userId: string, id: string): Promise<boolean>;
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

export interface OutboxStore {
  /** Adds the message unless one of that kind exists for the sign-up already (a message id is its sign-up and kind). */
  enqueue(message: OutboxMessage): Promise<boolean>;
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  settle(
    message: OutboxMessage,
    outcome: Pick<OutboxMessage, 'status' | 'lastError' | 'sentAt'>,
  ): Promise<void>;
  retry(message: OutboxMessage, nextAttemptAt: string, error: number | string): Promise<void>;
  list(signupId: string): Promise<OutboxMessage[]>;
}

export interface SubscriptionStore {
  /** Counts one accepted one-time subscription per template. */
  accept(userId: string, templates: string[]): Promise<void>;
  balance(userId: string): Promise<Record<string, number>>;
  /** Uses one subscription; false when none is left (or the user refused the template). */
  consume(userId: string, template: string): Promise<boolean>;
  refuse(userId: string, template: string): Promise<void>;
}

export interface RateLimiter {
  /** Counts one attempt; `allowed` is false once `limit` attempts fell in the current window. */
  hit(
    scope: string,
    subject: string,
    limit: number,
    windowSeconds: number,
    now: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
