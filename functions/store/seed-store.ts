import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/api';
import type { Certificate, Major, School } from '../../shared/schemas/catalog';
import { db, tableName } from './client';
import { schoolOfRole } from '../domain/access';
import { shortIdOf } from '../domain/people/people';
import type { MemberRecord } from '../../shared/schemas/records';
import { keys } from './keys';

async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0 && attempt < 10; attempt++) {
      const res = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (res.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
}

/** Writes the seed: the catalog is replaced (it is reference data), users and activities only once. */
export const seedStore = {
  async putCatalog(schools: School[], majors: Major[], certificates: Certificate[]): Promise<void> {
    await batchPut([
      ...schools.map((s) => ({
        ...keys.school(s.id),
        ...keys.catalogIndex('school', s.id),
        type: 'school',
        ...s,
      })),
      ...majors.map((m) => ({
        ...keys.major(m.id),
        ...keys.catalogIndex('major', m.id),
        type: 'major',
        ...m,
      })),
      ...certificates.map((c) => ({
        ...keys.certificate(c.id),
        ...keys.catalogIndex('certificate', c.id),
        type: 'certificate',
        ...c,
      })),
    ]);
  },

  /** A local user with their 用户编号 and, for each school role, their row among the school's people. */
  async putUserIfAbsent(id: string, roles: Role[], now: string): Promise<void> {
    const shortId = shortIdOf(id);
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.user(id), type: 'user', id, roles, rolesVersion: 0, shortId, createdAt: now },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      return;
    }
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.shortId(shortId), type: 'short-id', userId: id },
      }),
    );
    for (const at of roles.flatMap((r) => schoolOfRole(r) ?? [])) {
      const member: MemberRecord = {
        schoolId: at.schoolId,
        userId: id,
        shortId,
        role: at.role,
        since: now,
        note: '示例账号',
      };
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.schoolMember(at.schoolId, id), type: 'school-member', ...member },
        }),
      );
    }
  },

  async seededAt(): Promise<string | null> {
    const res = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.seedMarker(), ConsistentRead: true }),
    );
    return res.Item ? String(res.Item.seededAt) : null;
  },

  async markSeeded(now: string, counts: Record<string, number>): Promise<void> {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.seedMarker(), type: 'meta', seededAt: now, counts },
      }),
    );
  },
};
