import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { env } from '../functions/lib/env';
import { backfillAgenda } from '../functions/store/agenda-backfill';
import { ensureTable } from '../functions/store/table';
import { seed } from './seed';

/**
 * Creates the table named by TABLE_NAME at DYNAMODB_ENDPOINT if needed (or adds an index it lacks), seeds it and
 * puts older items on the worker's agenda; prints the result as one JSON line. Run as its own process so its
 * configuration never leaks into the caller.
 */
async function main(): Promise<void> {
  const { dynamodbEndpoint, tableName, region } = env();
  const client = new DynamoDBClient({
    region,
    ...(dynamodbEndpoint
      ? { endpoint: dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  await ensureTable(client, tableName);
  client.destroy();
  const seeded = await seed();
  console.log(JSON.stringify({ ...seeded, agenda: await backfillAgenda(Date.now()) }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
