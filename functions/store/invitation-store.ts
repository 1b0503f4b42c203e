import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  InvitationRecordSchema,
  MemberRecordSchema,
  type InvitationRecord,
} from '../../shared/schemas/records';
import type { InvitationStore } from '../domain/people/ports';
import { queryAll } from './catalog-store';
import { db, tableName } from './client';
import { keys, partitions, sortPrefixes } from './keys';
import { fromItem } from './records';
import { failed, transact } from './transactions';

export function createInvitationStore(): InvitationStore {
  return {
    async create(record, audit) {
      const result = await transact({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...keys.invitation(record.id),
                ...keys.invitationIndex(record.schoolId, record.createdAt, record.id),
                type: 'invitation',
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.audit(audit.at, audit.id), type: 'audit', ...audit },
            },
          },
        ],
      });
      if (!result.ok)
        throw new Error(`invitation ${record.id} not written: ${JSON.stringify(result.reasons)}`);
    },

    async get(id) {
      const res = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.invitation(id), ConsistentRead: true }),
      );
      return res.Item ? fromItem(InvitationRecordSchema, res.Item) : null;
    },

    async pending(schoolId, now) {
      // Every page: used and cancelled invitations stay in the partition (the audit points at them).
      const items = await queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: '#status = :pending AND validUntil > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': partitions.schoolInvitations(schoolId),
          ':pending': 'pending',
          ':now': now,
        },
        ScanIndexForward: false,
      });
      return items.map((i): InvitationRecord => fromItem(InvitationRecordSchema, i));
    },

    async cancel(id, now, audit) {
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.invitation(id),
              UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':now': now },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.audit(audit.at, audit.id), type: 'audit', ...audit },
            },
          },
        ],
      });
      if (result.ok) return 'cancelled';
      if (failed(result.reasons, 0)) return 'not-pending';
      throw new Error(`invitation ${id} not cancelled: ${JSON.stringify(result.reasons)}`);
    },

    async members(schoolId) {
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': partitions.school(schoolId),
          ':prefix': sortPrefixes.schoolMember,
        },
        ConsistentRead: true,
      });
      return items.map((i) => fromItem(MemberRecordSchema, i));
    },
  };
}
