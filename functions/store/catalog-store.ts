import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as v from 'valibot';
import { CertificateSchema, MajorSchema, SchoolSchema } from '../../shared/schemas/catalog';
import type { CatalogStore } from '../domain/catalog/ports';
import { db, tableName } from './client';
import { partitions } from './keys';
import { fromItem } from './records';

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

async function listType<S extends v.GenericSchema>(
  type: 'school' | 'major' | 'certificate',
  schema: S,
): Promise<Array<v.InferOutput<S>>> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': partitions.catalog(type) },
  });
  return items.map((i) => fromItem(schema, i));
}

/**
 * The catalog changes a few times a year; each function instance keeps it for a minute, so a burst of
 * page views costs DynamoDB one query per instance per minute.
 */
export function createCatalogStore(ttlMs = 60_000, now: () => number = Date.now): CatalogStore {
  const cache = new Map<string, { at: number; value: Promise<unknown[]> }>();
  function cached<S extends v.GenericSchema>(
    type: 'school' | 'major' | 'certificate',
    schema: S,
  ): Promise<Array<v.InferOutput<S>>> {
    const hit = cache.get(type);
    if (hit && now() - hit.at < ttlMs) return hit.value as Promise<Array<v.InferOutput<S>>>;
    const value = listType(type, schema);
    cache.set(type, { at: now(), value });
    value.catch(() => cache.delete(type));
    return value;
  }
  return {
    listSchools: () => cached('school', SchoolSchema),
    listMajors: () => cached('major', MajorSchema),
    listCertificates: () => cached('certificate', CertificateSchema),
  };
}
