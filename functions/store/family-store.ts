import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { FamilyMemberSchema, type FamilyMember } from '../../shared/schemas/signup';
import type { FamilyStore } from '../domain/family/ports';
import { db, tableName } from './client';
import { keys, partitions, sortPrefixes } from './keys';
import { fromItem } from './records';

export function createFamilyStore(): FamilyStore {
  async function list(userId: string): Promise<FamilyMember[]> {
    const res = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
        ExpressionAttributeValues: { ':pk': partitions.user(userId), ':m': sortPrefixes.familyMember },
        ConsistentRead: true,
      }),
    );
    return (res.Items ?? [])
      .map((i) => fromItem(FamilyMemberSchema, i))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }
  return {
    list,
    async put(userId, member, limit) {
      const existing = await list(userId);
      if (!existing.some((m) => m.id === member.id) && existing.length >= limit) return 'limit';
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.familyMember(userId, member.id), type: 'family-member', ...member },
        }),
      );
      return 'saved';
    },
    async remove(userId, id) {
      const res = await db().send(
        new DeleteCommand({
          TableName: tableName(),
          Key: keys.familyMember(userId, id),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return res.Attributes !== undefined;
    },
  };
}
