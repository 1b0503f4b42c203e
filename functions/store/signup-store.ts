import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import type { InsertOutcome, SignupRecord, SignupStore } from '../domain/ports';
import { queryAll } from './catalog-store';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor, keys, signupStatusKey, withoutKeys } from './keys';
import { failed, numberOf, transact } from './transactions';

/** An Idempotency-Key is remembered for a day: long enough for a phone to come back online. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

const MINE_CURSOR = {
  PK: /^SIGNUP#[a-z0-9-]{1,64}$/,
  SK: /^SIGNUP$/,
  GSI1PK: /^USER#[A-Za-z0-9_-]{1,64}#SIGNUPS$/,
  GSI1SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/,
};

function toRecord(item: Record<string, unknown>): SignupRecord {
  const { attendeeKey: _k, ...rest } = withoutKeys(item) as Record<string, unknown>;
  return rest as unknown as SignupRecord;
}

function signupItem(record: SignupRecord, attendeeKey: string) {
  return { ...keys.signup(record.id), ...keys.signupIndexes(record), type: 'signup', ...record, attendeeKey };
}

export function createSignupStore(): SignupStore {
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
    findReplay,

    async insert({ record, attendeeKey, idempotency }, mode, now): Promise<InsertOutcome> {
      const seat =
        mode === 'confirm'
          ? { update: 'SET confirmedCount = confirmedCount + :one', room: 'confirmedCount < #capacity' }
          : { update: 'SET waitlistCount = waitlistCount + :one', room: 'confirmedCount >= #capacity' };
      const items: NonNullable<Parameters<typeof transact>[0]['TransactItems']> = [
        {
          Update: {
            TableName: table(),
            Key: keys.activity(record.activityId),
            UpdateExpression: seat.update,
            ConditionExpression: `attribute_exists(PK) AND cancelled = :false AND signupOpensAt <= :now AND signupClosesAt > :now AND endsAt > :now AND ${seat.room}`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':one': 1, ':false': false, ':now': now },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: signupItem(record, attendeeKey),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: { ...keys.attendee(record.activityId, attendeeKey), type: 'attendee', signupId: record.id },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ];
      if (idempotency) {
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
      const result = await transact({ TransactItems: items });
      if (result.ok) return { kind: 'inserted' };
      const { reasons } = result;
      if (idempotency && failed(reasons, 3)) {
        const previous = await findReplay(record.userId, idempotency.key);
        if (previous) return { kind: 'replay', ...previous };
      }
      if (failed(reasons, 2)) return { kind: 'duplicate' };
      if (failed(reasons, 0)) {
        const activity = reasons[0]?.Item;
        if (!activity) return { kind: 'closed' };
        const confirmed = numberOf(activity, 'confirmedCount') ?? 0;
        const capacity = numberOf(activity, 'capacity') ?? 0;
        const windowOpen =
          activity.cancelled?.BOOL === false &&
          (activity.signupOpensAt?.S ?? '') <= now &&
          (activity.signupClosesAt?.S ?? '') > now &&
          (activity.endsAt?.S ?? '') > now;
        if (!windowOpen) return { kind: 'closed' };
        if (mode === 'confirm' && confirmed >= capacity) return { kind: 'full' };
        if (mode === 'waitlist' && confirmed < capacity) return { kind: 'seat-available' };
      }
      // The sign-up id itself collided, or a condition changed under us: let the domain try again.
      return mode === 'confirm' ? { kind: 'full' } : { kind: 'seat-available' };
    },

    async cancel(signup, attendeeKey, promote, now) {
      const items: NonNullable<Parameters<typeof transact>[0]['TransactItems']> = [
        {
          Update: {
            TableName: table(),
            Key: keys.signup(signup.id),
            UpdateExpression:
              'SET #status = :cancelled, GSI2SK = :gsi2, cancelledAt = :now, updatedAt = :now',
            ConditionExpression: '#status = :expected',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':expected': signup.status,
              ':gsi2': signupStatusKey('cancelled', signup.id),
              ':now': now,
            },
          },
        },
        {
          Delete: {
            TableName: table(),
            Key: keys.attendee(signup.activityId, attendeeKey),
            ConditionExpression: 'signupId = :id',
            ExpressionAttributeValues: { ':id': signup.id },
          },
        },
      ];
      const activityKey = keys.activity(signup.activityId);
      if (signup.status === 'waitlisted') {
        items.push({
          Update: {
            TableName: table(),
            Key: activityKey,
            UpdateExpression: 'SET waitlistCount = waitlistCount - :one',
            ConditionExpression: 'waitlistCount > :zero',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
          },
        });
      } else if (promote) {
        // The seat changes hands: the confirmed count stays, the waitlist shortens by one.
        items.push(
          {
            Update: {
              TableName: table(),
              Key: activityKey,
              UpdateExpression: 'SET waitlistCount = waitlistCount - :one',
              ConditionExpression: 'waitlistCount > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          promoteItem(table(), promote, now),
        );
      } else {
        items.push({
          Update: {
            TableName: table(),
            Key: activityKey,
            UpdateExpression: 'SET confirmedCount = confirmedCount - :one',
            // Nobody may be waiting while a seat is free: if someone joined meanwhile, try again and promote them.
            ConditionExpression: 'waitlistCount = :zero AND confirmedCount > :zero',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
          },
        });
      }
      const result = await transact({ TransactItems: items });
      return result.ok ? { kind: 'cancelled', promotedSignupId: promote?.id ?? null } : { kind: 'conflict' };
    },

    async promote(activityId, waitlisted, now) {
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.activity(activityId),
              UpdateExpression:
                'SET confirmedCount = confirmedCount + :one, waitlistCount = waitlistCount - :one',
              ConditionExpression: 'confirmedCount < #capacity AND waitlistCount > :zero',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          promoteItem(table(), waitlisted, now),
        ],
      });
      return result.ok ? 'promoted' : 'conflict';
    },

    async firstWaitlisted(activityId) {
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :w)',
          ExpressionAttributeValues: { ':pk': `ACTIVITY#${activityId}#SIGNUPS`, ':w': 'W#' },
          Limit: 1,
        }),
      );
      const item = res.Items?.[0];
      return item ? toRecord(item) : null;
    },

    async waitlistPosition(signup) {
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :first AND :mine',
          ExpressionAttributeValues: {
            ':pk': `ACTIVITY#${signup.activityId}#SIGNUPS`,
            ':first': 'W#',
            ':mine': signupStatusKey('waitlisted', signup.id),
          },
          Select: 'COUNT',
        }),
      );
      return Math.max(1, res.Count ?? 1);
    },

    async listMine(userId, cursor, limit) {
      let start: Record<string, string> | undefined;
      if (cursor) {
        const decoded = decodeCursor(cursor, MINE_CURSOR);
        if (!decoded || decoded.GSI1PK !== `USER#${userId}#SIGNUPS`) throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': `USER#${userId}#SIGNUPS` },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const items = ((res.Items ?? []) as Record<string, unknown>[]).map(toRecord);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          res.LastEvaluatedKey && last
            ? encodeCursor({
                ...keys.signup(last.id),
                GSI1PK: `USER#${userId}#SIGNUPS`,
                GSI1SK: `${last.createdAt}#${last.id}`,
              })
            : null,
      };
    },

    async listForActivity(activityId) {
      const items = await queryAll({
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': `ACTIVITY#${activityId}#SIGNUPS` },
      });
      return items.map(toRecord);
    },
  };
}

function promoteItem(table: string, signup: SignupRecord, now: string) {
  return {
    Update: {
      TableName: table,
      Key: keys.signup(signup.id),
      UpdateExpression: 'SET #status = :confirmed, GSI2SK = :gsi2, updatedAt = :now, promotedAt = :now',
      ConditionExpression: '#status = :waitlisted',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':confirmed': 'confirmed',
        ':waitlisted': 'waitlisted',
        ':gsi2': signupStatusKey('confirmed', signup.id),
        ':now': now,
      },
    },
  };
}
