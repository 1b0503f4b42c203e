import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { UserRecordSchema, type UserRecord } from '../../shared/schemas/records';
import type { UserStore } from '../domain/people/ports';
import { db, tableName } from './client';
import { shortIdOf } from '../domain/people/people';
import { keys } from './keys';
import { fromItem } from './records';
import { failed, transact } from './transactions';
import { auditPut } from './audit-store';

const isConditionFailure = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException';

export function createUserStore(): UserStore {
  async function get(id: string): Promise<UserRecord | null> {
    const res = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.user(id), ConsistentRead: true }),
    );
    return res.Item ? fromItem(UserRecordSchema, res.Item) : null;
  }

  /**
   * The 用户编号's lookup item, written once. A code another user holds already (two ids deriving the same 40
   * bits) moves this user on to their next derivation; answers the code they hold.
   */
  async function claimShortId(userId: string, shortId: string): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = attempt === 0 ? shortId : shortIdOf(userId, attempt);
      try {
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.shortId(code), type: 'short-id', userId },
            ConditionExpression: 'attribute_not_exists(PK) OR userId = :u',
            ExpressionAttributeValues: { ':u': userId },
          }),
        );
        return code;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
    throw new Error(`no free 用户编号 for ${userId} after 8 derivations`);
  }

  return {
    get,

    async close(id, now, audit) {
      const user = await get(id);
      const result = await transact({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.user(id),
              // The openid and the 用户编号 are who the person is; the id is a hash of the openid, kept so a token
              // issued before `closedAt` can be refused.
              // A profile that was never written (a token alone) gets one, so its tokens can be refused too.
              UpdateExpression:
                'SET closedAt = :now, #roles = :roles, rolesVersion = if_not_exists(rolesVersion, :zero) + :one, createdAt = if_not_exists(createdAt, :now), #type = :user, id = :id REMOVE openId, shortId',
              ExpressionAttributeNames: { '#roles': 'roles', '#type': 'type' },
              ExpressionAttributeValues: {
                ':now': now,
                ':roles': ['user'],
                ':one': 1,
                ':zero': 0,
                ':user': 'user',
                ':id': id,
              },
            },
          },
          ...(user?.shortId ? [{ Delete: { TableName: tableName(), Key: keys.shortId(user.shortId) } }] : []),
          auditPut(audit),
        ],
      });
      if (!result.ok) throw new Error('closing the account failed its audit entry');
    },
    async ensure(id, { shortId: requested, ...fields }, now) {
      const existing = await get(id);
      if (existing?.shortId) return existing;
      const claimed = await claimShortId(id, requested);
      if (existing) {
        // Users from before 用户编号 existed get theirs at their next login.
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.user(id),
            UpdateExpression: 'SET shortId = :s',
            ExpressionAttributeValues: { ':s': claimed },
          }),
        );
        return { ...existing, shortId: claimed };
      }
      const record: UserRecord = {
        id,
        roles: ['user'],
        rolesVersion: 0,
        shortId: claimed,
        createdAt: now,
        ...fields,
      };
      try {
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.user(id), type: 'user', ...record },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return record;
      } catch (err) {
        if (isConditionFailure(err)) return (await get(id)) ?? record;
        throw err;
      }
    },

    async byShortId(shortId) {
      const res = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.shortId(shortId), ConsistentRead: true }),
      );
      const userId = res.Item?.userId;
      return typeof userId === 'string' ? get(userId) : null;
    },

    async changeRoles({ user, roles, member, audit, redeems }) {
      const table = tableName();
      const items: NonNullable<Parameters<typeof transact>[0]['TransactItems']> = [
        {
          Update: {
            TableName: table,
            Key: keys.user(user.id),
            UpdateExpression: 'SET #roles = :roles, rolesVersion = :next',
            ExpressionAttributeNames: { '#roles': 'roles' },
            ConditionExpression:
              'attribute_exists(PK) AND (rolesVersion = :version OR (attribute_not_exists(rolesVersion) AND :version = :zero))',
            ExpressionAttributeValues: {
              ':roles': roles,
              ':next': user.rolesVersion + 1,
              ':version': user.rolesVersion,
              ':zero': 0,
            },
          },
        },
      ];
      if (redeems) {
        items.push({
          Update: {
            TableName: table,
            Key: keys.invitation(redeems.invitationId),
            UpdateExpression: 'SET #status = :used, usedBy = :user, usedAt = :now',
            ConditionExpression: '#status = :pending AND validUntil > :now',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':used': 'used',
              ':pending': 'pending',
              ':user': user.id,
              ':now': redeems.now,
            },
          },
        });
      }
      if (member && 'put' in member) {
        items.push({
          Put: {
            TableName: table,
            Item: {
              ...keys.schoolMember(member.put.schoolId, member.put.userId),
              type: 'school-member',
              ...member.put,
            },
          },
        });
      } else if (member) {
        items.push({ Delete: { TableName: table, Key: keys.schoolMember(member.remove.schoolId, user.id) } });
      }
      for (const entry of audit) {
        items.push({
          Put: { TableName: table, Item: { ...keys.audit(entry.at, entry.id), type: 'audit', ...entry } },
        });
      }
      const result = await transact({ TransactItems: items });
      if (result.ok) return 'changed';
      if (redeems && failed(result.reasons, 1)) return 'invitation-gone';
      if (failed(result.reasons, 0)) return 'conflict';
      throw new Error(`role change of ${user.id} refused: ${JSON.stringify(result.reasons)}`);
    },
  };
}
