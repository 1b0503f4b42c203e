import type { AuditEntry } from '../../../shared/api';
import type { ActivityListQuery, ActivityRecord } from '../../../shared/schemas/activity';
import type { Page } from '../../../shared/schemas/common';

/** GET /activities's query (the shared schema's output) with a page size, and what the stores add. */
export type ActivityQuery = ActivityListQuery & {
  limit: number;
  /** Leave out activities that have ended before this instant. */
  endsAfter?: string;
};

export interface ActivityStore {
  get(id: string): Promise<ActivityRecord | null>;
  list(query: ActivityQuery): Promise<Page<ActivityRecord>>;
  listBySchool(schoolIds: string[] | 'all'): Promise<ActivityRecord[]>;
  create(record: ActivityRecord, audit?: AuditEntry): Promise<void>;
  /**
   * Writes the changed fields if the confirmed count still allows the new capacity and, with
   * `expectedChangeSeq`, only over that change number ('changed' when another change came first): a change
   * of sessions or place writes the whole list and log, so it is written only over what it read.
   */
  update(
    id: string,
    changes: Partial<ActivityRecord>,
    minCapacity: number,
    audit?: AuditEntry,
    expectedChangeSeq?: number,
  ): Promise<'updated' | 'capacity-below-confirmed' | 'changed' | 'missing'>;
  /** Records the start of a draw once, with the seed revealed: a second draw finds it taken. */
  beginDraw(id: string, now: string, order: string[]): Promise<'begun' | 'already-drawn'>;
  /** Sets the seat counters from the drawn sign-ups and marks the draw done. */
  finishDraw(id: string, counts: { confirmed: number; waitlisted: number }, now: string): Promise<void>;
  /** The activities on the worker's agenda whose `wakeAt` is at or before `now`. */
  due(now: string): Promise<ActivityRecord[]>;
  /**
   * Moves the activity's `wakeAt` from `from` to `to` (null takes it off the agenda), unless it changed since it
   * was read: a revision or a cancellation meanwhile keeps its own, earlier call. False when it had changed.
   * With `noticedSeq`, also records that the changes up to that number have been told (`noticedSeq`), only if
   * no change came since (`changeSeq` is still that number).
   */
  reschedule(id: string, from: string, to: string | null, noticedSeq?: number): Promise<boolean>;
  /**
   * Marks it cancelled with the reason, once, and puts it on the worker's agenda at `at` (wakeAt), so that the
   * next run tells everyone signed up.
   */
  cancel(
    id: string,
    reason: string,
    at: string,
    audit: AuditEntry,
  ): Promise<'cancelled' | 'already-cancelled' | 'missing'>;
}
