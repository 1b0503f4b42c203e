import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { env } from '../functions/lib/env';
import { ensureTable } from '../functions/store/table';
import { seed } from './seed';

/**
 * Creates the table named by TABLE_NAME at DYNAMODB_ENDPOINT if needed and seeds it; prints the result
 * as one JSON line. Run as its own process so its configuration never leaks into the caller.
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
  console.log(JSON.stringify(await seed()));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
