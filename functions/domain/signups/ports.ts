import type { Page } from '../../../shared/schemas/common';
import type { OutboxMessage } from '../../../shared/schemas/records';
import type { SignupRecord } from '../../../shared/schemas/signup';

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

export interface SignupStore {
  get(id: string): Promise<SignupRecord | null>;
  /** Writes the attendee over (an account closed: names and phones go, the sign-up and its count stay). */
  anonymize(id: string, attendee: SignupRecord['attendee'], now: string): Promise<void>;
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
  listMine(userId: string, cursor: string | undefined, limit: number): Promise<Page<SignupRecord>>;
  listForActivity(activityId: string): Promise<SignupRecord[]>;
  /** The activities an attendee (by attendee key) holds a live sign-up on. */
  attendeeSignups(attendeeKey: string): Promise<Array<{ activityId: string; signupId: string }>>;
}
