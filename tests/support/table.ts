import { randomBytes } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll } from '@jest/globals';
import { dropTable, ensureTable } from '../../functions/store/table';

/**
 * Points the functions at a new table of the shared DynamoDB Local. Call before importing handlers:
 * functions/lib/env.ts reads the environment once per module registry.
 */
export async function useFreshTable(stage: 'local' | 'test' = 'local'): Promise<{
  name: string;
  client: DynamoDBClient;
  scan(): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}> {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run through jest (tests/support/global-setup.ts)');
  const name = `test-${randomBytes(6).toString('hex')}`;
  Object.assign(process.env, {
    STAGE: stage,
    TABLE_NAME: name,
    DYNAMODB_ENDPOINT: endpoint,
    TOKEN_SECRET: 'test-secret-for-jest-only-0123456789',
    AWS_REGION: 'cn-northwest-1',
    LOG_LEVEL: 'error',
  });
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, name);
  return {
    name,
    client,
    async scan() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, never> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: name, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
        start = page.LastEvaluatedKey as typeof start;
      } while (start);
      return items;
    },
    async drop() {
      await dropTable(client, name);
      client.destroy();
    },
  };
}

type FreshTable = Awaited<ReturnType<typeof useFreshTable>>;

/**
 * The usual start of an integration test file: a fresh table with the seed's catalog, samples and dev users,
 * made before the file's tests and dropped after them. Answers the table (to scan) once it exists.
 */
export function useSeededTable(): Pick<FreshTable, 'scan'> {
  let table: FreshTable | undefined;
  beforeAll(async () => {
    table = await useFreshTable();
    const { seed } = await import('../../scripts/seed');
    await seed();
  });
  afterAll(async () => {
    await table?.drop();
  });
  return {
    scan: () => {
      if (!table) throw new Error('the table is made in beforeAll');
      return table.scan();
    },
  };
}
