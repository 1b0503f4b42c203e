import type { AuditEntry } from '../../../shared/api';
import type { CheckInRecord, CompletionRecord } from '../../../shared/schemas/records';
import type { FamilyMember } from '../../../shared/schemas/signup';
import { byTime } from '../../../functions/store/keys';

/** An item as the table keeps it: plain data, whatever fields were written (not only the port's type). */
export type Item = Record<string, unknown>;

/**
 * Everything the one DynamoDB table holds, one map per kind of item. The adapters share it as the stores
 * share the table, so a transaction can span them: a seat, its activity's counter and its audit entry.
 */
export class MemoryTable {
  readonly activities = new Map<string, Item>();
  /** The activity indexes as `create` wrote them (GSI1 and GSI2): a later `update` moves only the time. */
  readonly activityIndex = new Map<string, { schoolId: string; sortKey: string }>();
  /** The worker's agenda of activities (GSI3): `wakeAt#id` while the activity has a wakeAt. */
  readonly activityAgenda = new Map<string, string>();
  readonly signups = new Map<
    string,
    {
      item: Item;
      attendeeKey: string;
      userKey: string;
      activityKey: string;
      /** The worker's agenda of offers (GSI3): `offerExpiresAt#id` while offered. */
      offerKey: string | null;
    }
  >();
  readonly attendees = new Map<string, { activityId: string; signupId: string; attendeeKey: string }>();
  readonly termCounts = new Map<string, number>();
  readonly idempotency = new Map<string, { signupId: string; requestHash: string }>();
  readonly audit = new Map<string, AuditEntry>();
  readonly outbox = new Map<string, { message: Item; pendingKey: string | null }>();
  readonly subscriptions = new Map<string, Item>();
  readonly rateWindows = new Map<string, number>();
  readonly family = new Map<string, Map<string, FamilyMember>>();
  /** Profiles as written: an older one may lack rolesVersion or shortId, which reads fill or leave out. */
  readonly users = new Map<string, Item>();
  /** Which user a 用户编号 names (SHORTID#code). */
  readonly shortIds = new Map<string, string>();
  /** Invitations by id; a school's list (GSI1) is read from their schoolId and createdAt, which never change. */
  readonly invitations = new Map<string, Item>();
  /** A school's people (SCHOOL#id / STAFF#userId), by keyOf(schoolId, userId). */
  readonly members = new Map<string, Item>();
  readonly checkIns = new Map<string, { record: CheckInRecord; factPartition: string; factKey: string }>();
  readonly completions = new Map<string, CompletionRecord>();
  readonly enrolments = new Map<string, Item>();
}

/** Map keys made of several parts; the separator cannot occur in an id. */
export const keyOf = (...parts: Array<string | number>) => parts.join('\u0000');

/**
 * What a write keeps: a deep copy without undefined fields, as the document client's marshalling
 * (removeUndefinedValues) drops them. Reads copy too, so a caller never holds the table's own objects.
 */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(copy) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, copy(v)]),
    ) as T;
  }
  return value;
}

/** The error DynamoDB answers a single conditional write with; the stores let some of them through. */
export function conditionFailed(): Error {
  const err = new Error('The conditional request failed');
  err.name = 'ConditionalCheckFailedException';
  return err;
}

/**
 * Lets other calls run, as a round trip to DynamoDB would. A read-then-write that the store does in two
 * requests yields between them, so concurrent callers interleave there as they can in production. A microtask,
 * not a timer: the fast tier stays in milliseconds.
 */
export const turn = () => Promise.resolve();

/** One write of a transaction: its condition, then what it changes. */
export interface Step {
  /** The item it writes: DynamoDB refuses a transaction that touches one item twice. */
  item: string;
  holds(): boolean;
  apply(): void;
}

export type StepsResult = { ok: true } | { ok: false; failed: boolean[] };

/**
 * All conditions first, then all writes, with nothing awaited in between: JavaScript runs this to the end
 * before any other call, which is the atomicity a TransactWriteItems gives. Like DynamoDB, it reports every
 * condition that failed.
 */
export function transact(steps: Step[]): StepsResult {
  if (new Set(steps.map((s) => s.item)).size !== steps.length)
    throw new Error('Transaction request cannot include multiple operations on one item');
  const failed = steps.map((s) => !s.holds());
  if (failed.some(Boolean)) return { ok: false, failed };
  for (const step of steps) step.apply();
  return { ok: true };
}

/** The audit entry's Put, written inside the transaction of the change it describes. */
export function auditStep(table: MemoryTable, entry: AuditEntry): Step {
  const sortKey = byTime(entry.at, entry.id);
  return {
    item: `audit:${sortKey}`,
    holds: () => !table.audit.has(sortKey),
    apply: () => table.audit.set(sortKey, copy(entry)),
  };
}

/** The numeric value of a field, or undefined when it is missing or not a number (a condition on it fails). */
export function numberField(item: Item | undefined, field: string): number | undefined {
  const value = item?.[field];
  return typeof value === 'number' ? value : undefined;
}
