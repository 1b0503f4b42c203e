import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inZone } from '../../shared/time';
import type { AttendanceStore } from '../domain/attendance/ports';
import type { CompletionRecord } from '../../shared/schemas/records';
import { auditPut } from './audit-store';
import { queryAll } from './catalog-store';
import { db, tableName } from './client';
import { CompletionRecordSchema } from '../../shared/schemas/records';
import { keys, partitions, sortPrefixes } from './keys';
import { fromItem } from './records';
import { failed, transact } from './transactions';

export function createAttendanceStore(): AttendanceStore {
  async function getCompletion(code: string): Promise<CompletionRecord | null> {
    const res = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.completion(code), ConsistentRead: true }),
    );
    return res.Item ? fromItem(CompletionRecordSchema, res.Item) : null;
  }

  return {
    getCompletion,

    async anonymizeCompletion(code, attendeeName) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.completion(code),
          UpdateExpression: 'SET attendeeName = :name',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':name': attendeeName },
        }),
      );
    },

    async recordCheckIn(record, audit) {
      const year = inZone(record.checkedInAt).year();
      const result = await transact({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...keys.checkIn(record.signupId, record.sessionIndex),
                ...keys.checkInIndex(
                  record.schoolId,
                  year,
                  record.checkedInAt,
                  record.signupId,
                  record.sessionIndex,
                ),
                type: 'check-in',
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.activity(record.activityId),
              UpdateExpression: 'ADD checkInCount :one',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          {
            // A seat cancelled between the scan and now must not be checked in.
            Update: {
              TableName: tableName(),
              Key: keys.signup(record.signupId),
              UpdateExpression: 'ADD checkInCount :one',
              ConditionExpression: '#status = :confirmed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':one': 1, ':confirmed': 'confirmed' },
            },
          },
          auditPut(audit),
        ],
      });
      if (result.ok) return { kind: 'recorded' };
      if (failed(result.reasons, 0)) {
        const res = await db().send(
          new GetCommand({
            TableName: tableName(),
            Key: keys.checkIn(record.signupId, record.sessionIndex),
            ConsistentRead: true,
          }),
        );
        return { kind: 'duplicate', checkedInAt: String(res.Item?.checkedInAt ?? '') };
      }
      if (failed(result.reasons, 2)) return { kind: 'not-confirmed' };
      throw new Error('check-in transaction failed on the activity or audit item');
    },

    async checkInsFor(signupId) {
      const res = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ck)',
          ExpressionAttributeValues: { ':pk': partitions.signup(signupId), ':ck': sortPrefixes.checkIn },
          ConsistentRead: true,
        }),
      );
      return (res.Items ?? []).map((i) => ({
        sessionIndex: Number(i.sessionIndex),
        checkedInAt: String(i.checkedInAt),
      }));
    },

    async checkInFacts(schoolId, year) {
      const items = await queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.schoolCheckIns(schoolId, year) },
      });
      return items.map((i) => ({
        schoolId: String(i.schoolId),
        kind: String(i.kind),
        county: String(i.county),
        checkedInAt: String(i.checkedInAt),
      }));
    },

    async issueCompletion(record) {
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.signup(record.signupId),
              UpdateExpression: 'SET completionCode = :code',
              ConditionExpression: 'attribute_not_exists(completionCode) AND #status = :confirmed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':code': record.code, ':confirmed': 'confirmed' },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.completion(record.code), type: 'completion', ...record },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      });
      if (result.ok) return record;
      const signup = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.signup(record.signupId), ConsistentRead: true }),
      );
      const existing = signup.Item?.completionCode
        ? await getCompletion(String(signup.Item.completionCode))
        : null;
      if (!existing) throw new Error('completion could not be issued');
      return existing;
    },
  };
}
