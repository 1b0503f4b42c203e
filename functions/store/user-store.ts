import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UserRecord } from '../../shared/schemas/records';
import type { UserStore } from '../domain/people/ports';
import { db, tableName } from './client';
import { UserRecordSchema } from '../../shared/schemas/records';
import { keys } from './keys';
import { fromItem } from './records';

export function createUserStore(): UserStore {
  async function get(id: string): Promise<UserRecord | null> {
    const res = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.user(id), ConsistentRead: true }),
    );
    return res.Item ? fromItem(UserRecordSchema, res.Item) : null;
  }
  return {
    get,
    async ensure(id, fields, now) {
      const existing = await get(id);
      if (existing) return existing;
      const record: UserRecord = { id, roles: ['user'], createdAt: now, ...fields };
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
        if ((err as Error).name === 'ConditionalCheckFailedException') return (await get(id)) ?? record;
        throw err;
      }
    },
  };
}
