import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as v from 'valibot';
import { CertificateSchema, MajorSchema, SchoolSchema } from '../../shared/schemas/catalog';
import { MAX_CATALOG_WRITES, type CatalogStore } from '../domain/catalog/ports';
import { DomainError } from '../domain/errors';
import { forgetGroup } from '../lib/response-cache';
import { auditPut } from './audit-store';
import { db, tableName } from './client';
import { keys, partitions } from './keys';
import { fromItem } from './records';
import { transact } from './transactions';

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

const KEY_OF = { school: keys.school, major: keys.major, certificate: keys.certificate } as const;

/**
 * The catalog changes a few times a year; each function instance keeps it for half a minute, so a burst of
 * page views costs DynamoDB one query per instance per 30 s. With the public answers' own 30 s cache, an
 * edit shows everywhere within a minute.
 */
export function createCatalogStore(ttlMs = 30_000, now: () => number = Date.now): CatalogStore {
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
    async snapshot() {
      const [schools, majors, certificates] = await Promise.all([
        listType('school', SchoolSchema),
        listType('major', MajorSchema),
        listType('certificate', CertificateSchema),
      ]);
      return { schools, majors, certificates };
    },
    async apply(writes, audit) {
      if (writes.length > MAX_CATALOG_WRITES) throw new Error(`at most ${MAX_CATALOG_WRITES} catalog writes`);
      const result = await transact({
        TransactItems: [
          ...writes.map(({ kind, record, expectedVersion }) => ({
            Put: {
              TableName: tableName(),
              Item: {
                ...KEY_OF[kind](record.id),
                ...keys.catalogIndex(kind, record.id),
                type: kind,
                ...record,
              },
              ...(expectedVersion === null
                ? { ConditionExpression: 'attribute_not_exists(PK)' }
                : expectedVersion === 0
                  ? {
                      // The seed's items may predate the version attribute.
                      ConditionExpression: 'attribute_not_exists(version) OR version = :v',
                      ExpressionAttributeValues: { ':v': 0 },
                    }
                  : {
                      ConditionExpression: 'version = :v',
                      ExpressionAttributeValues: { ':v': expectedVersion },
                    }),
            },
          })),
          auditPut(audit),
        ],
      });
      // This instance's readers see the edit at once; other instances within their cache's half minute.
      cache.clear();
      forgetGroup('catalog');
      if (!result.ok) throw new DomainError('EDIT_CONFLICT');
    },
  };
}
