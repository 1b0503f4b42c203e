import { promotionFields } from '../../../functions/domain/signups/rules';
import { dayjs } from '../../../shared/time';
import { isSignupWindowOpen, SIGNUP_WINDOW } from '../../../functions/domain/activities/activity';
import { DomainError } from '../../../functions/domain/errors';
import type { InsertOutcome, Promotion, SignupStore } from '../../../functions/domain/signups/ports';
import type { OutboxMessage } from '../../../shared/schemas/records';
import type { SignupRecord } from '../../../shared/schemas/signup';
import {
  byTime,
  decodeCursor,
  encodeCursor,
  keys,
  partitions,
  signupStatusKey,
  sortPrefixes,
} from '../../../functions/store/keys';
import { outboxStep } from './outbox-store';
import {
  conditionFailed,
  copy,
  keyOf,
  numberField,
  transact,
  turn,
  type Item,
  type MemoryTable,
  type Step,
} from './table';

/** The cursor functions/store/signup-store.ts issues and accepts for a user's list (its MINE_CURSOR). */
const MINE_CURSOR = {
  PK: /^SIGNUP#[a-z0-9-]{1,64}$/,
  SK: /^SIGNUP$/,
  GSI1PK: /^USER#[A-Za-z0-9_-]{1,64}#SIGNUPS$/,
  GSI1SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/,
};

/**
 * functions/store/signup-store.ts's WAITLIST_COUNT_LIMIT, not imported: that module loads the AWS SDK, which
 * the fast tier does without (tests/integration/store-contract.test.ts checks the two agree).
 */
export const WAITLIST_COUNT_LIMIT = 100;

const HOLDS_A_SEAT = new Set(['confirmed', 'offered']);
const DRAWABLE = new Set(['applied', 'confirmed', 'waitlisted']);

/**
 * The in-memory SignupStore. Each method builds the same writes as functions/store/signup-store.ts, with the
 * same conditions, and commits them through `transact`: all checks, then all writes, or none.
 */
export function createMemorySignupStore(
  table: MemoryTable,
  options: { waitlistCountLimit?: number } = {},
): SignupStore {
  const waitlistCountLimit = options.waitlistCountLimit ?? WAITLIST_COUNT_LIMIT;
  const activity = (id: string) => table.activities.get(id);
  const row = (id: string) => table.signups.get(id);
  const toRecord = (item: Item) => copy(item) as unknown as SignupRecord;

  /** The activity's counters, changed only while `holds` is true of the activity item. */
  function activityStep(
    activityId: string,
    holds: (item: Item) => boolean,
    change: (item: Item) => void,
  ): Step {
    return {
      item: `activity:${activityId}`,
      holds: () => {
        const item = activity(activityId);
        return item !== undefined && holds(item);
      },
      apply: () => change(activity(activityId) as Item),
    };
  }

  const add = (field: string, by: number) => (item: Item) => {
    item[field] = (numberField(item, field) ?? 0) + by;
  };

  /** Moves a sign-up from one status to another, if it is still in the one the caller read. */
  function statusChange(
    signup: SignupRecord,
    to: SignupRecord['status'],
    now: string,
    extra: Record<string, unknown> = {},
  ): Step {
    // DynamoDB refuses an expression value that marshalling dropped.
    if (Object.values(extra).some((v) => v === undefined))
      throw new Error('ExpressionAttributeValues contains an undefined value');
    return {
      item: `signup:${signup.id}`,
      holds: () => row(signup.id)?.item.status === signup.status,
      apply: () => {
        const stored = row(signup.id);
        if (!stored) return;
        Object.assign(stored.item, { status: to, updatedAt: now }, copy(extra));
        // An offer is on the worker's agenda by its deadline while it runs; any other status takes it off.
        if (to === 'offered' && typeof extra.offerExpiresAt === 'string') {
          stored.offerKey = byTime(extra.offerExpiresAt, signup.id);
        } else if (to !== 'offered') {
          delete stored.item.offerExpiresAt;
          stored.offerKey = null;
        }
        stored.activityKey = signupStatusKey(to, signup.id, signup.waitlistRank);
      },
    };
  }

  function releaseAttendee(signup: SignupRecord, attendeeKey: string): Step {
    const key = keyOf(signup.activityId, attendeeKey);
    return {
      item: `attendee:${key}`,
      holds: () => table.attendees.get(key)?.signupId === signup.id,
      apply: () => table.attendees.delete(key),
    };
  }

  function leaveWaitlist(activityId: string): Step {
    return activityStep(
      activityId,
      (a) => (numberField(a, 'waitlistCount') ?? 0) > 0,
      add('waitlistCount', -1),
    );
  }

  /** The messages the domain handed over, each put only if its id is new. */
  const messageSteps = (messages: OutboxMessage[] | undefined) =>
    (messages ?? []).map((m) => outboxStep(table, m));

  /** The promoted sign-up's new status, and what it is told, in one transaction. */
  function promotionSteps(promotion: Promotion, now: string): Step[] {
    return [
      statusChange(promotion.record, promotion.as, now, promotionFields(promotion, now)),
      ...messageSteps(promotion.messages),
    ];
  }

  /** A drawn applicant's status and rank, unless it was cancelled since the order was computed. */
  function drawnStep(a: { id: string; status: 'confirmed' | 'waitlisted'; rank: string }, now: string): Step {
    return {
      item: `signup:${a.id}`,
      holds: () => DRAWABLE.has(String(row(a.id)?.item.status)),
      apply: () => {
        const stored = row(a.id) as NonNullable<ReturnType<typeof row>>;
        Object.assign(stored.item, { status: a.status, waitlistRank: a.rank, updatedAt: now, drawnAt: now });
        stored.activityKey = signupStatusKey(a.status, a.id, a.rank);
      },
    };
  }

  /** A held seat passes to `next`, or frees when nobody waits (else the caller looks again). */
  function handOverSeat(activityId: string, next: Promotion | null, now: string): Step[] {
    if (next) return [leaveWaitlist(activityId), ...promotionSteps(next, now)];
    return [
      activityStep(
        activityId,
        (a) => numberField(a, 'waitlistCount') === 0 && (numberField(a, 'confirmedCount') ?? 0) > 0,
        add('confirmedCount', -1),
      ),
    ];
  }

  function termRelease(attendeeKey: string, termKey: string): Step {
    const key = keyOf(attendeeKey, termKey);
    return {
      item: `term:${key}`,
      holds: () => (table.termCounts.get(key) ?? 0) > 0,
      apply: () => table.termCounts.set(key, (table.termCounts.get(key) ?? 0) - 1),
    };
  }

  /** The seat condition: the sign-up window (domain/activities/activity.ts's SIGNUP_WINDOW, compared as stored strings). */
  function windowOpen(item: Item, now: string): boolean {
    const at = (field: string) => (typeof item[field] === 'string' ? (item[field] as string) : null);
    return (
      item.cancelled === false &&
      SIGNUP_WINDOW.from.every((f) => {
        const value = at(f);
        return value !== null && value <= now;
      }) &&
      SIGNUP_WINDOW.until.every((f) => {
        const value = at(f);
        return value !== null && value > now;
      })
    );
  }

  async function findReplay(userId: string, key: string) {
    await turn();
    const found = table.idempotency.get(keyOf(userId, key));
    return found ? { ...found } : null;
  }

  return {
    async get(id) {
      await turn();
      const stored = row(id);
      return stored ? toRecord(stored.item) : null;
    },

    findReplay,

    async anonymize(id, attendee, now) {
      await turn();
      const stored = row(id);
      if (!stored) throw conditionFailed();
      stored.item.attendee = copy(attendee);
      stored.item.updatedAt = now;
    },

    async insert(
      { record, attendeeKey, idempotency, termLimit, messages },
      mode,
      now,
    ): Promise<InsertOutcome> {
      await turn();
      const steps: Step[] = [];
      // The activity as it was when its condition failed (DynamoDB's ALL_OLD), to tell why.
      let refusedActivity: Item | undefined;
      if (mode !== 'apply') {
        const room = (a: Item) => {
          const confirmed = numberField(a, 'confirmedCount');
          const capacity = numberField(a, 'capacity');
          if (confirmed === undefined || capacity === undefined) return false;
          return mode === 'confirm' ? confirmed < capacity : confirmed >= capacity;
        };
        steps.push({
          item: `activity:${record.activityId}`,
          holds: () => {
            const item = activity(record.activityId);
            const ok = item !== undefined && windowOpen(item, now) && room(item);
            if (!ok && item) refusedActivity = copy(item);
            return ok;
          },
          apply: () =>
            add(
              mode === 'confirm' ? 'confirmedCount' : 'waitlistCount',
              1,
            )(activity(record.activityId) as Item),
        });
      }
      const signupIndex = steps.length;
      steps.push({
        item: `signup:${record.id}`,
        holds: () => !table.signups.has(record.id),
        apply: () =>
          table.signups.set(record.id, {
            item: copy(record) as unknown as Item,
            attendeeKey,
            userKey: byTime(record.createdAt, record.id),
            activityKey: signupStatusKey(record.status, record.id, record.waitlistRank),
            offerKey: null,
          }),
      });
      const attendeeIndex = steps.length;
      const seatKey = keyOf(record.activityId, attendeeKey);
      steps.push({
        item: `attendee:${seatKey}`,
        holds: () => !table.attendees.has(seatKey),
        apply: () =>
          table.attendees.set(seatKey, { activityId: record.activityId, signupId: record.id, attendeeKey }),
      });
      let termIndex = -1;
      if (termLimit) {
        termIndex = steps.length;
        const key = keyOf(attendeeKey, termLimit.key);
        steps.push({
          item: `term:${key}`,
          holds: () => {
            const count = table.termCounts.get(key);
            return count === undefined || count < termLimit.limit;
          },
          apply: () => table.termCounts.set(key, (table.termCounts.get(key) ?? 0) + 1),
        });
      }
      let idempotencyIndex = -1;
      if (idempotency) {
        idempotencyIndex = steps.length;
        const key = keyOf(record.userId, idempotency.key);
        steps.push({
          item: `idempotency:${key}`,
          holds: () => !table.idempotency.has(key),
          apply: () =>
            table.idempotency.set(key, { signupId: record.id, requestHash: idempotency.requestHash }),
        });
      }
      // Last, as in the store: the indexes above still name the steps the outcome is read from.
      steps.push(...messageSteps(messages));
      const result = transact(steps);
      if (result.ok) return { kind: 'inserted' };
      const { failed } = result;
      if (idempotency && failed[idempotencyIndex]) {
        const previous = await findReplay(record.userId, idempotency.key);
        if (previous) return { kind: 'replay', ...previous };
      }
      if (failed[attendeeIndex]) return { kind: 'duplicate' };
      if (termIndex >= 0 && failed[termIndex]) return { kind: 'term-limit' };
      if (mode !== 'apply' && failed[0]) {
        const refused = refusedActivity;
        if (!refused) return { kind: 'closed' };
        const confirmed = numberField(refused, 'confirmedCount') ?? 0;
        const capacity = numberField(refused, 'capacity') ?? 0;
        const stored = refused as unknown as Parameters<typeof isSignupWindowOpen>[0];
        if (!isSignupWindowOpen(stored, dayjs(now).valueOf())) return { kind: 'closed' };
        if (mode === 'confirm' && confirmed >= capacity) return { kind: 'full' };
        if (mode === 'waitlist' && confirmed < capacity) return { kind: 'seat-available' };
      }
      if (failed[signupIndex] && mode === 'apply') return { kind: 'duplicate' };
      return mode === 'waitlist' ? { kind: 'seat-available' } : { kind: 'full' };
    },

    async cancel(signup, attendeeKey, promote, now, termKey) {
      await turn();
      const steps = [
        statusChange(signup, 'cancelled', now, { cancelledAt: now }),
        releaseAttendee(signup, attendeeKey),
      ];
      if (signup.status === 'waitlisted') steps.push(leaveWaitlist(signup.activityId));
      else if (HOLDS_A_SEAT.has(signup.status)) steps.push(...handOverSeat(signup.activityId, promote, now));
      if (termKey) steps.push(termRelease(attendeeKey, termKey));
      return transact(steps).ok
        ? { kind: 'cancelled', promotedSignupId: promote?.record.id ?? null }
        : { kind: 'conflict' };
    },

    async promote(activityId, promotion, now) {
      await turn();
      const result = transact([
        activityStep(
          activityId,
          (a) => {
            const confirmed = numberField(a, 'confirmedCount');
            const capacity = numberField(a, 'capacity');
            return (
              confirmed !== undefined &&
              capacity !== undefined &&
              confirmed < capacity &&
              (numberField(a, 'waitlistCount') ?? 0) > 0
            );
          },
          (a) => {
            add('confirmedCount', 1)(a);
            add('waitlistCount', -1)(a);
          },
        ),
        ...promotionSteps(promotion, now),
      ]);
      return result.ok ? 'promoted' : 'conflict';
    },

    async acceptOffer(signup, now, messages) {
      await turn();
      const result = transact([
        {
          item: `signup:${signup.id}`,
          holds: () => {
            const item = row(signup.id)?.item;
            return (
              item?.status === 'offered' &&
              typeof item.offerExpiresAt === 'string' &&
              item.offerExpiresAt > now
            );
          },
          apply: () => {
            const stored = row(signup.id) as NonNullable<ReturnType<typeof row>>;
            Object.assign(stored.item, { status: 'confirmed', updatedAt: now, acceptedAt: now });
            delete stored.item.offerExpiresAt;
            stored.offerKey = null;
            stored.activityKey = signupStatusKey('confirmed', signup.id);
          },
        },
        ...messageSteps(messages),
      ]);
      return result.ok ? 'confirmed' : 'conflict';
    },

    async expireOffer(signup, attendeeKey, next, now, termKey) {
      await turn();
      const steps = [
        statusChange(signup, 'expired', now, { expiredAt: now }),
        releaseAttendee(signup, attendeeKey),
        ...handOverSeat(signup.activityId, next, now),
      ];
      if (termKey) steps.push(termRelease(attendeeKey, termKey));
      return transact(steps).ok ? 'expired' : 'conflict';
    },

    async applyDraw(assignments, now) {
      // 25 at a time, each sign-up's status with its messages; a cancelled one keeps its cancellation.
      for (let i = 0; i < assignments.length; i += 25) {
        await turn();
        for (const a of assignments.slice(i, i + 25)) {
          if (!a.messages?.length) {
            transact([drawnStep(a, now)]);
            continue;
          }
          const result = transact([drawnStep(a, now), ...messageSteps(a.messages)]);
          // Refused on a message: an earlier, interrupted run queued it; the status is written again alone.
          if (!result.ok && !result.failed[0]) transact([drawnStep(a, now)]);
        }
      }
    },

    async expiredOffers(now) {
      await turn();
      const until = byTime(now, '~');
      return [...table.signups.values()]
        .filter((s): s is typeof s & { offerKey: string } => s.offerKey !== null && s.offerKey <= until)
        .sort((a, b) => (a.offerKey < b.offerKey ? -1 : a.offerKey > b.offerKey ? 1 : 0))
        .map((s) => toRecord(s.item));
    },

    async firstWaitlisted(activityId) {
      await turn();
      const [first] = inActivity(activityId).filter((s) => s.activityKey.startsWith(sortPrefixes.waitlisted));
      return first ? toRecord(first.item) : null;
    },

    async waitlistPosition(signup, estimate) {
      await turn();
      if (estimate !== undefined && estimate > waitlistCountLimit) return estimate;
      const mine = signupStatusKey('waitlisted', signup.id, signup.waitlistRank);
      const ahead = inActivity(signup.activityId).filter(
        (s) => s.activityKey >= sortPrefixes.waitlisted && s.activityKey <= mine,
      );
      const counted = Math.min(ahead.length, waitlistCountLimit + 1);
      if (counted <= waitlistCountLimit) return Math.max(1, counted);
      if (estimate !== undefined) return Math.max(counted, estimate);
      const waitlistCount = activity(signup.activityId)?.waitlistCount;
      return Math.max(counted, Number(waitlistCount ?? counted));
    },

    async listMine(userId, cursor, limit) {
      await turn();
      let start: Record<string, string> | undefined;
      if (cursor) {
        const decoded = decodeCursor(cursor, MINE_CURSOR);
        if (!decoded || decoded.GSI1PK !== partitions.userSignups(userId))
          throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      // GSI1 newest first: the creation time, then the id.
      const rows = [...table.signups.values()]
        .filter((s) => s.item.userId === userId)
        .sort((a, b) => (a.userKey < b.userKey ? 1 : a.userKey > b.userKey ? -1 : 0))
        .filter(
          (s) =>
            !start ||
            s.userKey < (start.GSI1SK ?? '') ||
            (s.userKey === start.GSI1SK && partitions.signup(String(s.item.id)) < (start.PK ?? '')),
        );
      const page = rows.slice(0, limit);
      const items = page.map((s) => toRecord(s.item));
      const last = items[items.length - 1];
      // DynamoDB hands back a LastEvaluatedKey whenever a page reaches its limit, even at the very end.
      const evaluatedAll = page.length < limit;
      return {
        items,
        nextCursor: !evaluatedAll && last ? encodeCursor(keys.userSignupsCursor(last)) : null,
      };
    },

    async listForActivity(activityId) {
      await turn();
      return inActivity(activityId).map((s) => toRecord(s.item));
    },

    async attendeeSignups(attendeeKey) {
      await turn();
      return [...table.attendees.values()]
        .filter((a) => a.attendeeKey === attendeeKey)
        .sort((a, b) => (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0))
        .map((a) => ({ activityId: a.activityId, signupId: a.signupId }));
    },
  };

  /** GSI2: an activity's sign-ups by status letter, then id (a waitlist by rank). */
  function inActivity(activityId: string) {
    return [...table.signups.values()]
      .filter((s) => s.item.activityId === activityId)
      .sort((a, b) => (a.activityKey < b.activityKey ? -1 : a.activityKey > b.activityKey ? 1 : 0));
  }
}
