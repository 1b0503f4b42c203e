import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/api';
import * as v from 'valibot';
import {
  CertificateSchema,
  MajorSchema,
  SchoolSchema,
  type CertificateEntry,
  type MajorEntry,
  type SchoolEntry,
} from '../../shared/schemas/catalog';
import { db, tableName } from './client';
import { schoolOfRole } from '../domain/access';
import { shortIdOf } from '../domain/people/people';
import type { MemberRecord } from '../../shared/schemas/records';
import { queryAll } from './catalog-store';
import { keys, partitions } from './keys';
import { fromItem } from './records';

/** What a catalog sync did, as `type:id`. */
export interface CatalogSync {
  added: string[];
  changed: string[];
  retired: string[];
  /** Items a school or the bureau has edited: theirs now, so the seed neither rewrites nor retires them. */
  keptEdited: string[];
  unchanged: number;
}

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
  /**
   * Brings the table's catalog to the seed's: adds what is new, rewrites what changed, and retires (marks with
   * `retiredAt`, never deletes) what left the seed, so a link shared to a retired page still answers. An item
   * that comes back is un-retired. Answers what it did, by id.
   */
  async syncCatalog(
    seed: { schools: SchoolEntry[]; majors: MajorEntry[]; certificates: CertificateEntry[] },
    now: string,
  ): Promise<CatalogSync> {
    const result: CatalogSync = { added: [], changed: [], retired: [], keptEdited: [], unchanged: 0 };
    const writes: Record<string, unknown>[] = [];
    const kinds = [
      { type: 'school', schema: SchoolSchema, items: seed.schools, key: keys.school },
      { type: 'major', schema: MajorSchema, items: seed.majors, key: keys.major },
      { type: 'certificate', schema: CertificateSchema, items: seed.certificates, key: keys.certificate },
    ] as const;
    for (const { type, schema, items, key } of kinds) {
      const stored = new Map(
        (
          await queryAll({
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': partitions.catalog(type) },
          })
        ).map((item) => {
          const record = fromItem(schema as v.GenericSchema, item) as { id: string; version: number };
          return [record.id, record];
        }),
      );
      const write = (record: { id: string; retiredAt?: string | null }) =>
        writes.push({ ...key(record.id), ...keys.catalogIndex(type, record.id), type, ...record });
      for (const entry of items) {
        const record = v.parse(schema as v.GenericSchema, entry) as { id: string };
        const before = stored.get(record.id);
        stored.delete(record.id);
        if (before && before.version > 0) {
          result.keptEdited.push(`${type}:${record.id}`);
          continue;
        }
        if (!before) result.added.push(`${type}:${record.id}`);
        else if (JSON.stringify(before) !== JSON.stringify(record))
          result.changed.push(`${type}:${record.id}`);
        else {
          result.unchanged++;
          continue;
        }
        write(record);
      }
      for (const left of stored.values() as Iterable<{
        id: string;
        retiredAt?: string | null;
        version: number;
      }>) {
        if (left.retiredAt) continue;
        if (left.version > 0) {
          result.keptEdited.push(`${type}:${left.id}`);
          continue;
        }
        result.retired.push(`${type}:${left.id}`);
        write({ ...left, retiredAt: now });
      }
    }
    await batchPut(writes);
    return result;
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
