import { promotionFields } from '../domain/signups/rules';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { SignupRecordSchema } from '../../shared/schemas/signup';
import { dayjs } from '../../shared/time';
import { isSignupWindowOpen, SIGNUP_WINDOW } from '../domain/activities/activity';
import { DomainError } from '../domain/errors';
import type { InsertOutcome, Promotion, SignupStore } from '../domain/signups/ports';
import type { OutboxMessage } from '../../shared/schemas/records';
import type { SignupRecord } from '../../shared/schemas/signup';
import { queryAll } from './catalog-store';
import { fromItem } from './records';
import { db, tableName } from './client';
import { outboxPut } from './outbox-store';
import { decodeCursor, encodeCursor, keys, signupStatusKey, partitions, sortPrefixes, byTime } from './keys';
import { failed, numberOf, transact } from './transactions';

/** An Idempotency-Key is remembered for a day: long enough for a phone to come back online. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/** A waitlist position is counted exactly up to here (see waitlistPosition). */
export const WAITLIST_COUNT_LIMIT = 100;

const MINE_CURSOR = {
  PK: /^SIGNUP#[a-z0-9-]{1,64}$/,
  SK: /^SIGNUP$/,
  GSI1PK: /^USER#[A-Za-z0-9_-]{1,64}#SIGNUPS$/,
  GSI1SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/,
};

type TransactItem = NonNullable<Parameters<typeof transact>[0]['TransactItems']>[number];

/**
 * domain/activities/activity.ts's SIGNUP_WINDOW as a condition on the activity item. Every stored time is written by
 * toIso with +08:00, so comparing them as strings orders them as instants.
 */
const SIGNUP_WINDOW_CONDITION = [
  'attribute_exists(PK)',
  'cancelled = :false',
  ...SIGNUP_WINDOW.from.map((field) => `${field} <= :now`),
  ...SIGNUP_WINDOW.until.map((field) => `${field} > :now`),
].join(' AND ');

function toRecord(item: Record<string, unknown>): SignupRecord {
  return fromItem(SignupRecordSchema, item);
}

function signupItem(record: SignupRecord, attendeeKey: string) {
  return { ...keys.signup(record.id), ...keys.signupIndexes(record), type: 'signup', ...record, attendeeKey };
}

const activityUpdate = (
  activityId: string,
  update: string,
  condition: string,
  values: Record<string, unknown>,
  names?: Record<string, string>,
): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.activity(activityId),
    UpdateExpression: update,
    ConditionExpression: condition,
    ExpressionAttributeValues: values,
    ...(names ? { ExpressionAttributeNames: names } : {}),
  },
});

/** The keys an offered sign-up carries while its offer runs: on the worker's agenda by its deadline. */
const OFFER_AGENDA = 'offerExpiresAt, GSI3PK, GSI3SK';

/** Moves a sign-up from one status to another, if it is still in the one we read. */
function statusChange(
  signup: SignupRecord,
  to: SignupRecord['status'],
  now: string,
  extra: Record<string, unknown> = {},
): TransactItem {
  const agenda =
    to === 'offered' && typeof extra.offerExpiresAt === 'string'
      ? keys.offerAgenda(signup.id, extra.offerExpiresAt)
      : {};
  const fields = { ...extra, ...agenda };
  const sets = [
    '#status = :to',
    'GSI2SK = :gsi2',
    'updatedAt = :now',
    ...Object.keys(fields).map((k) => `${k} = :${k}`),
  ];
  return {
    Update: {
      TableName: tableName(),
      Key: keys.signup(signup.id),
      UpdateExpression: `SET ${sets.join(', ')}${to === 'offered' ? '' : ` REMOVE ${OFFER_AGENDA}`}`,
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':to': to,
        ':from': signup.status,
        ':gsi2': signupStatusKey(to, signup.id, signup.waitlistRank),
        ':now': now,
        ...Object.fromEntries(Object.entries(fields).map(([k, val]) => [`:${k}`, val])),
      },
    },
  };
}

/** The messages the domain handed over, each put only if its id is new (outboxPut). */
function messagePuts(messages: OutboxMessage[] | undefined): TransactItem[] {
  return (messages ?? []).map((message) => ({ Put: outboxPut(message) }));
}

function releaseAttendee(signup: SignupRecord, attendeeKey: string): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: keys.attendee(signup.activityId, attendeeKey),
      ConditionExpression: 'signupId = :id',
      ExpressionAttributeValues: { ':id': signup.id },
    },
  };
}

const COUNT = { ':one': 1, ':zero': 0 };

function leaveWaitlist(activityId: string): TransactItem {
  return activityUpdate(
    activityId,
    'SET waitlistCount = waitlistCount - :one',
    'waitlistCount > :zero',
    COUNT,
  );
}

/**
 * A held seat is let go: it passes to `next` (the seat count stays, the waitlist shortens by one), or, when
 * nobody waits, it frees — on condition that nobody joined the waitlist meanwhile (then the caller tries again).
 */
function handOverSeat(activityId: string, next: Promotion | null, now: string): TransactItem[] {
  if (next) return [leaveWaitlist(activityId), ...promotionItems(next, now)];
  return [
    activityUpdate(
      activityId,
      'SET confirmedCount = confirmedCount - :one',
      'waitlistCount = :zero AND confirmedCount > :zero',
      COUNT,
    ),
  ];
}

function termRelease(attendeeKey: string, termKey: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.termCount(attendeeKey, termKey),
      UpdateExpression: 'ADD #count :minus',
      ConditionExpression: '#count > :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    },
  };
}

/** The promoted sign-up's new status, and what it is told: one transaction, so it is told exactly once. */
function promotionItems(promotion: Promotion, now: string): TransactItem[] {
  return [
    statusChange(promotion.record, promotion.as, now, promotionFields(promotion, now)),
    ...messagePuts(promotion.messages),
  ];
}

/** A drawn applicant's status and rank; the same write again is harmless, so an interrupted draw reruns. */
function drawnItem(a: { id: string; status: 'confirmed' | 'waitlisted'; rank: string }, now: string) {
  return {
    TableName: tableName(),
    Key: keys.signup(a.id),
    UpdateExpression:
      'SET #status = :status, waitlistRank = :rank, GSI2SK = :gsi2, updatedAt = :now, drawnAt = :now',
    ConditionExpression: '#status IN (:applied, :confirmed, :waitlisted)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':status': a.status,
      ':rank': a.rank,
      ':gsi2': signupStatusKey(a.status, a.id, a.rank),
      ':now': now,
      ':applied': 'applied',
      ':confirmed': 'confirmed',
      ':waitlisted': 'waitlisted',
    },
  };
}

async function writeDrawn(a: { id: string; status: 'confirmed' | 'waitlisted'; rank: string }, now: string) {
  try {
    await db().send(new UpdateCommand(drawnItem(a, now)));
  } catch (err) {
    // Cancelled since the order was computed: it keeps its cancellation.
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
}

export function createSignupStore(options: { waitlistCountLimit?: number } = {}): SignupStore {
  const waitlistCountLimit = options.waitlistCountLimit ?? WAITLIST_COUNT_LIMIT;
  const table = () => tableName();

  async function get(id: string): Promise<SignupRecord | null> {
    const res = await db().send(
      new GetCommand({ TableName: table(), Key: keys.signup(id), ConsistentRead: true }),
    );
    return res.Item ? toRecord(res.Item) : null;
  }

  async function findReplay(userId: string, key: string) {
    const res = await db().send(
      new GetCommand({ TableName: table(), Key: keys.idempotency(userId, key), ConsistentRead: true }),
    );
    return res.Item
      ? { signupId: String(res.Item.signupId), requestHash: String(res.Item.requestHash) }
      : null;
  }

  return {
    get,

    async anonymize(id, attendee, now) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.signup(id),
          UpdateExpression: 'SET attendee = :attendee, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':attendee': attendee, ':now': now },
        }),
      );
    },
    findReplay,

    async insert(
      { record, attendeeKey, idempotency, termLimit, messages },
      mode,
      now,
    ): Promise<InsertOutcome> {
      const items: TransactItem[] = [];
      if (mode === 'apply') {
        // A lottery application touches no shared item: the opening-minute rush writes only its own items.
      } else {
        const seat =
          mode === 'confirm'
            ? { update: 'SET confirmedCount = confirmedCount + :one', room: 'confirmedCount < #capacity' }
            : { update: 'SET waitlistCount = waitlistCount + :one', room: 'confirmedCount >= #capacity' };
        items.push({
          Update: {
            TableName: table(),
            Key: keys.activity(record.activityId),
            UpdateExpression: seat.update,
            ConditionExpression: `${SIGNUP_WINDOW_CONDITION} AND ${seat.room}`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':one': 1, ':false': false, ':now': now },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        });
      }
      const signupIndex = items.length;
      items.push({
        Put: {
          TableName: table(),
          Item: signupItem(record, attendeeKey),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      const attendeeIndex = items.length;
      items.push({
        Put: {
          TableName: table(),
          Item: {
            ...keys.attendee(record.activityId, attendeeKey),
            ...keys.attendeeIndex(attendeeKey, record.activityId),
            type: 'attendee',
            activityId: record.activityId,
            signupId: record.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      let termIndex = -1;
      if (termLimit) {
        termIndex = items.length;
        items.push({
          Update: {
            TableName: table(),
            Key: keys.termCount(attendeeKey, termLimit.key),
            UpdateExpression: 'ADD #count :one',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':limit': termLimit.limit },
          },
        });
      }
      let idempotencyIndex = -1;
      if (idempotency) {
        idempotencyIndex = items.length;
        items.push({
          Put: {
            TableName: table(),
            Item: {
              ...keys.idempotency(record.userId, idempotency.key),
              type: 'idempotency',
              signupId: record.id,
              requestHash: idempotency.requestHash,
              expiresAt: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        });
      }
      // Last, so the indexes above still name the items the outcome is read from.
      items.push(...messagePuts(messages));
      const result = await transact({ TransactItems: items });
      if (result.ok) return { kind: 'inserted' };
      const { reasons } = result;
      if (idempotency && failed(reasons, idempotencyIndex)) {
        const previous = await findReplay(record.userId, idempotency.key);
        if (previous) return { kind: 'replay', ...previous };
      }
      if (failed(reasons, attendeeIndex)) return { kind: 'duplicate' };
      if (termIndex >= 0 && failed(reasons, termIndex)) return { kind: 'term-limit' };
      if (mode !== 'apply' && failed(reasons, 0)) {
        const activity = reasons[0]?.Item;
        if (!activity) return { kind: 'closed' };
        const confirmed = numberOf(activity, 'confirmedCount') ?? 0;
        const capacity = numberOf(activity, 'capacity') ?? 0;
        const stored = unmarshall(activity as Record<string, AttributeValue>) as Parameters<
          typeof isSignupWindowOpen
        >[0];
        if (!isSignupWindowOpen(stored, dayjs(now).valueOf())) return { kind: 'closed' };
        if (mode === 'confirm' && confirmed >= capacity) return { kind: 'full' };
        if (mode === 'waitlist' && confirmed < capacity) return { kind: 'seat-available' };
      }
      if (failed(reasons, signupIndex) && mode === 'apply') return { kind: 'duplicate' };
      // A condition changed under us: let the domain look again.
      return mode === 'waitlist' ? { kind: 'seat-available' } : { kind: 'full' };
    },

    async cancel(signup, attendeeKey, promote, now, termKey) {
      const items: TransactItem[] = [
        statusChange(signup, 'cancelled', now, { cancelledAt: now }),
        releaseAttendee(signup, attendeeKey),
      ];
      if (signup.status === 'waitlisted') items.push(leaveWaitlist(signup.activityId));
      else if (signup.status === 'confirmed' || signup.status === 'offered')
        items.push(...handOverSeat(signup.activityId, promote, now));
      if (termKey) items.push(termRelease(attendeeKey, termKey));
      const result = await transact({ TransactItems: items });
      return result.ok
        ? { kind: 'cancelled', promotedSignupId: promote?.record.id ?? null }
        : { kind: 'conflict' };
    },

    async promote(activityId, promotion, now) {
      const result = await transact({
        TransactItems: [
          activityUpdate(
            activityId,
            'SET confirmedCount = confirmedCount + :one, waitlistCount = waitlistCount - :one',
            'confirmedCount < #capacity AND waitlistCount > :zero',
            { ':one': 1, ':zero': 0 },
            { '#capacity': 'capacity' },
          ),
          ...promotionItems(promotion, now),
        ],
      });
      return result.ok ? 'promoted' : 'conflict';
    },

    async acceptOffer(signup, now, messages) {
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.signup(signup.id),
              UpdateExpression: `SET #status = :confirmed, GSI2SK = :gsi2, updatedAt = :now, acceptedAt = :now REMOVE ${OFFER_AGENDA}`,
              ConditionExpression: '#status = :offered AND offerExpiresAt > :now',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':confirmed': 'confirmed',
                ':offered': 'offered',
                ':gsi2': signupStatusKey('confirmed', signup.id),
                ':now': now,
              },
            },
          },
          ...messagePuts(messages),
        ],
      });
      return result.ok ? 'confirmed' : 'conflict';
    },

    async expireOffer(signup, attendeeKey, next, now, termKey) {
      const items: TransactItem[] = [
        statusChange(signup, 'expired', now, { expiredAt: now }),
        // The person may sign up again (and join the end of the waitlist).
        releaseAttendee(signup, attendeeKey),
        ...handOverSeat(signup.activityId, next, now),
      ];
      if (termKey) items.push(termRelease(attendeeKey, termKey));
      const result = await transact({ TransactItems: items });
      return result.ok ? 'expired' : 'conflict';
    },

    async applyDraw(assignments, now) {
      for (let i = 0; i < assignments.length; i += 25) {
        await Promise.all(
          assignments.slice(i, i + 25).map(async (a) => {
            if (!a.messages?.length) return writeDrawn(a, now);
            const result = await transact({
              TransactItems: [{ Update: drawnItem(a, now) }, ...messagePuts(a.messages)],
            });
            // Refused on the sign-up: it was cancelled since the order was computed and keeps its cancellation.
            if (result.ok || failed(result.reasons, 0)) return;
            // Refused on a message: an earlier, interrupted run of this draw queued it; the status is written again.
            return writeDrawn(a, now);
          }),
        );
      }
    },

    async expiredOffers(now) {
      const items = await queryAll({
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
        ExpressionAttributeValues: { ':pk': partitions.offerAgenda(), ':now': byTime(now, '~') },
      });
      return items.map(toRecord);
    },

    async firstWaitlisted(activityId) {
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :w)',
          ExpressionAttributeValues: {
            ':pk': partitions.activitySignups(activityId),
            ':w': sortPrefixes.waitlisted,
          },
          Limit: 1,
        }),
      );
      const item = res.Items?.[0];
      return item ? toRecord(item) : null;
    },

    async waitlistPosition(signup, estimate) {
      // Far back by the caller's fresh read: the count below could only confirm it.
      if (estimate !== undefined && estimate > waitlistCountLimit) return estimate;
      // Counting everyone ahead costs one read per person; past waitlistCountLimit the caller's estimate or
      // the activity's counter (which may include a few who joined after) answers, so a long waitlist stays
      // one small query.
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :first AND :mine',
          ExpressionAttributeValues: {
            ':pk': partitions.activitySignups(signup.activityId),
            ':first': sortPrefixes.waitlisted,
            ':mine': signupStatusKey('waitlisted', signup.id, signup.waitlistRank),
          },
          Select: 'COUNT',
          // One more than the limit: a page that ends exactly at the limit still says whether more follow.
          Limit: waitlistCountLimit + 1,
        }),
      );
      const counted = res.Count ?? 1;
      if (counted <= waitlistCountLimit) return Math.max(1, counted);
      if (estimate !== undefined) return Math.max(counted, estimate);
      const activity = await db().send(
        new GetCommand({
          TableName: table(),
          Key: keys.activity(signup.activityId),
          ProjectionExpression: 'waitlistCount',
        }),
      );
      return Math.max(counted, Number(activity.Item?.waitlistCount ?? counted));
    },

    async listMine(userId, cursor, limit) {
      let start: Record<string, string> | undefined;
      if (cursor) {
        const decoded = decodeCursor(cursor, MINE_CURSOR);
        if (!decoded || decoded.GSI1PK !== partitions.userSignups(userId))
          throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': partitions.userSignups(userId) },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const items = ((res.Items ?? []) as Record<string, unknown>[]).map(toRecord);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor: res.LastEvaluatedKey && last ? encodeCursor(keys.userSignupsCursor(last)) : null,
      };
    },

    async listForActivity(activityId) {
      const items = await queryAll({
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.activitySignups(activityId) },
      });
      return items.map(toRecord);
    },

    async attendeeSignups(attendeeKey) {
      const items = await queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.attendee(attendeeKey) },
      });
      return items.map((i) => ({ activityId: String(i.activityId), signupId: String(i.signupId) }));
    },
  };
}
