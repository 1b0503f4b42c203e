import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Certificate, Major, School } from '../../shared/schemas/catalog';
import type { CatalogStore } from '../domain/ports';
import { db, tableName } from './client';
import { withoutKeys, partitions } from './keys';

/** Reads every item of one GSI1 partition, following DynamoDB's pages. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function listType<T>(type: 'school' | 'major' | 'certificate'): Promise<T[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': partitions.catalog(type) },
  });
  return items.map((i) => withoutKeys(i) as T);
}

/**
 * The catalog changes a few times a year; each function instance keeps it for a minute, so a burst of
 * page views costs DynamoDB one query per instance per minute.
 */
export function createCatalogStore(ttlMs = 60_000, now: () => number = Date.now): CatalogStore {
  const cache = new Map<string, { at: number; value: Promise<unknown[]> }>();
  function cached<T>(type: 'school' | 'major' | 'certificate'): Promise<T[]> {
    const hit = cache.get(type);
    if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T[]>;
    const value = listType<T>(type);
    cache.set(type, { at: now(), value });
    value.catch(() => cache.delete(type));
    return value;
  }
  return {
    listSchools: () => cached<School>('school'),
    listMajors: () => cached<Major>('major'),
    listCertificates: () => cached<Certificate>('certificate'),
  };
}
