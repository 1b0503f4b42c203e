import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { toIso } from '../../shared/time';
import { DomainError } from '../domain/errors';
import type { ActivityQuery, ActivityStore } from '../domain/activities/ports';
import type { ActivityRecord } from '../../shared/schemas/activity';
import { auditPut } from './audit-store';
import { queryAll } from './catalog-store';
import { transact } from './transactions';
import { db, tableName } from './client';
import { ActivityRecordSchema } from '../../shared/schemas/activity';
import { decodeCursor, encodeCursor, keys, partitions, byTime } from './keys';
import { fromItem } from './records';

const CURSOR_SHAPE = {
  PK: /^ACTIVITY#[a-z0-9-]{1,64}$/,
  SK: /^ACTIVITY$/,
  GSI1PK: /^ACTIVITIES$/,
  GSI1SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/,
};

function toRecord(item: Record<string, unknown>): ActivityRecord {
  return fromItem(ActivityRecordSchema, item);
}

function toItem(record: ActivityRecord) {
  return {
    ...keys.activity(record.id),
    ...keys.activityIndexes(record.id, record.schoolId, record.startsAt),
    ...(record.wakeAt ? keys.activityAgenda(record.id, record.wakeAt) : {}),
    type: 'activity',
    ...record,
  };
}

/**
 * The update that puts an activity on the worker's agenda at `wakeAt`, or takes it off: null is kept as the
 * worker's answer that nothing is left (an item without the attribute predates the agenda: agenda-backfill.ts).
 */
function agendaUpdate(id: string, wakeAt: string | null): { set: string; remove?: string; values: object } {
  if (wakeAt === null)
    return { set: 'wakeAt = :wakeAt', remove: 'GSI3PK, GSI3SK', values: { ':wakeAt': null } };
  const agenda = keys.activityAgenda(id, wakeAt);
  return {
    set: 'wakeAt = :wakeAt, GSI3PK = :agendaPk, GSI3SK = :agendaSk',
    values: { ':wakeAt': wakeAt, ':agendaPk': agenda.GSI3PK, ':agendaSk': agenda.GSI3SK },
  };
}

/** The condition that an activity's change number is still `placeholder`'s (an item older than it has none: 0). */
function changeSeqIs(placeholder: string, seq: number): string {
  return seq === 0
    ? `(attribute_not_exists(changeSeq) OR changeSeq = ${placeholder})`
    : `changeSeq = ${placeholder}`;
}

/** The change number of the item a failed condition returned (marshalled by the transaction, or not). */
function changeSeqOf(item: unknown): number {
  const value = (item as Record<string, unknown> | undefined)?.changeSeq;
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'N' in value) return Number((value as { N: string }).N);
  return 0;
}

export function createActivityStore(): ActivityStore {
  return {
    async get(id) {
      const res = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.activity(id), ConsistentRead: true }),
      );
      return res.Item ? toRecord(res.Item) : null;
    },

    async list(query: ActivityQuery) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':pk': partitions.activities() };
      const filters: string[] = [];
      let keyCondition = 'GSI1PK = :pk';
      if (query.to) {
        keyCondition += ' AND GSI1SK <= :to';
        values[':to'] = `${toIso(query.to)}#~`;
      }
      const endsAfter = query.from ? toIso(query.from) : query.endsAfter;
      if (endsAfter) {
        filters.push('endsAt >= :endsAfter');
        values[':endsAfter'] = endsAfter;
      }
      for (const field of ['kind', 'county', 'schoolId', 'certificateId'] as const) {
        const value = query[field];
        if (value) {
          names[`#${field}`] = field;
          values[`:${field}`] = value;
          filters.push(`#${field} = :${field}`);
        }
      }
      if (query.township) {
        Object.assign(names, { '#place': 'place', '#township': 'township' });
        values[':township'] = query.township;
        filters.push('#place.#township = :township');
      }
      if (query.q) {
        Object.assign(names, {
          '#title': 'title',
          '#description': 'description',
          '#place': 'place',
          '#township': 'township',
          '#village': 'village',
        });
        values[':q'] = query.q;
        filters.push(
          '(contains(#title, :q) OR contains(#description, :q) OR contains(#place.#township, :q) OR contains(#place.#village, :q))',
        );
      }
      let start: Record<string, unknown> | undefined;
      if (query.cursor) {
        const decoded = decodeCursor(query.cursor, CURSOR_SHAPE);
        if (!decoded) throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      const items: ActivityRecord[] = [];
      let more = false;
      do {
        const page = await db().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'GSI1',
            KeyConditionExpression: keyCondition,
            FilterExpression: filters.length ? filters.join(' AND ') : undefined,
            ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
            ExpressionAttributeValues: values,
            ExclusiveStartKey: start,
            Limit: 100,
          }),
        );
        items.push(...((page.Items ?? []) as Record<string, unknown>[]).map(toRecord));
        start = page.LastEvaluatedKey;
        more = start !== undefined;
      } while (more && items.length < query.limit);
      const pageItems = items.slice(0, query.limit);
      const last = pageItems[pageItems.length - 1];
      const hasNext = items.length > query.limit || (more && items.length === query.limit);
      return {
        items: pageItems,
        nextCursor: hasNext && last ? encodeCursor(keys.activityListCursor(last)) : null,
      };
    },

    async listBySchool(schoolIds) {
      const rows =
        schoolIds === 'all'
          ? await queryAll({
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': partitions.activities() },
            })
          : (
              await Promise.all(
                schoolIds.map((id) =>
                  queryAll({
                    IndexName: 'GSI2',
                    KeyConditionExpression: 'GSI2PK = :pk',
                    ExpressionAttributeValues: { ':pk': partitions.schoolActivities(id) },
                  }),
                ),
              )
            ).flat();
      return rows.map(toRecord).sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
    },

    async create(record, audit) {
      const put = {
        TableName: tableName(),
        Item: toItem(record),
        ConditionExpression: 'attribute_not_exists(PK)',
      };
      if (!audit) {
        await db().send(new PutCommand(put));
        return;
      }
      const result = await transact({ TransactItems: [{ Put: put }, auditPut(audit)] });
      if (!result.ok) throw new Error('activity id collided');
    },

    async beginDraw(id, now, order) {
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.activity(id),
            UpdateExpression: 'SET drawStartedAt = if_not_exists(drawStartedAt, :now), drawOrder = :order',
            ConditionExpression:
              'attribute_exists(PK) AND (attribute_not_exists(drawnAt) OR drawnAt = :null)',
            ExpressionAttributeValues: { ':now': now, ':order': order, ':null': null },
          }),
        );
        return 'begun';
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return 'already-drawn';
        throw err;
      }
    },

    async finishDraw(id, counts, now) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.activity(id),
          UpdateExpression:
            'SET confirmedCount = :c, waitlistCount = :w, drawnAt = :now, updatedAt = :now REMOVE drawStartedAt',
          ExpressionAttributeValues: { ':c': counts.confirmed, ':w': counts.waitlisted, ':now': now },
        }),
      );
    },

    async due(now) {
      const items = await queryAll({
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
        ExpressionAttributeValues: { ':pk': partitions.activityAgenda(), ':now': byTime(now, '~') },
      });
      return items.map(toRecord);
    },

    async reschedule(id, from, to, noticedSeq) {
      const agenda = agendaUpdate(id, to);
      const noticing = noticedSeq !== undefined;
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.activity(id),
            UpdateExpression: `SET ${agenda.set}${noticing ? ', noticedSeq = :seq' : ''}${agenda.remove ? ` REMOVE ${agenda.remove}` : ''}`,
            // A change since the read moved wakeAt, or (within the same second) its number: it stays due.
            ConditionExpression: `wakeAt = :from${noticing ? ` AND ${changeSeqIs(':seq', noticedSeq)}` : ''}`,
            ExpressionAttributeValues: {
              ':from': from,
              ...agenda.values,
              ...(noticing ? { ':seq': noticedSeq } : {}),
            },
          }),
        );
        return true;
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return false;
        throw err;
      }
    },

    async cancel(id, reason, at, audit) {
      // On the agenda at once: the worker's next run tells everyone signed up.
      const agenda = agendaUpdate(id, at);
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.activity(id),
              UpdateExpression: `SET cancelled = :true, cancelReason = :reason, cancelledAt = :at, updatedAt = :at, ${agenda.set}`,
              ConditionExpression: 'attribute_exists(PK) AND cancelled = :false',
              ExpressionAttributeValues: {
                ':true': true,
                ':false': false,
                ':reason': reason,
                ':at': at,
                ...agenda.values,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          auditPut(audit),
        ],
      });
      if (result.ok) return 'cancelled';
      return result.reasons[0]?.Item ? 'already-cancelled' : 'missing';
    },

    async update(id, changes, minCapacity, audit, expectedChangeSeq) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':minCapacity': minCapacity };
      const sets: string[] = [];
      const removes: string[] = [];
      const current = changes.startsAt ? await this.get(id) : null;
      const { wakeAt, ...rest } = changes;
      const all: Record<string, unknown> = { ...rest };
      if (wakeAt !== undefined) {
        const agenda = agendaUpdate(id, wakeAt);
        sets.push(agenda.set);
        if (agenda.remove) removes.push(agenda.remove);
        Object.assign(values, agenda.values);
      }
      if (changes.startsAt && current) {
        Object.assign(all, {
          GSI1SK: byTime(changes.startsAt, id),
          GSI2SK: byTime(changes.startsAt, id),
        });
      }
      for (const [field, value] of Object.entries(all)) {
        if (value === undefined || field === 'id') continue;
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      }
      names['#confirmed'] = 'confirmedCount';
      const update = {
        TableName: tableName(),
        Key: keys.activity(id),
        UpdateExpression: [
          sets.length ? `SET ${sets.join(', ')}` : '',
          removes.length ? `REMOVE ${removes.join(', ')}` : '',
        ].join(' '),
        ConditionExpression: `attribute_exists(PK) AND (#confirmed <= :minCapacity OR :minCapacity = :zero)${
          expectedChangeSeq === undefined ? '' : ` AND ${changeSeqIs(':expectedSeq', expectedChangeSeq)}`
        }`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ...values,
          ':zero': 0,
          ...(expectedChangeSeq === undefined ? {} : { ':expectedSeq': expectedChangeSeq }),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      const refusal = (old: unknown) =>
        !old
          ? ('missing' as const)
          : expectedChangeSeq !== undefined && changeSeqOf(old) !== expectedChangeSeq
            ? ('changed' as const)
            : ('capacity-below-confirmed' as const);
      if (!audit) {
        try {
          await db().send(new UpdateCommand(update));
          return 'updated';
        } catch (err) {
          if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
          return refusal((err as { Item?: unknown }).Item);
        }
      }
      const result = await transact({ TransactItems: [{ Update: update }, auditPut(audit)] });
      if (result.ok) return 'updated';
      return refusal(result.reasons[0]?.Item);
    },
  };
}
