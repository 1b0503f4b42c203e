import { startDynamoLocal } from '../../scripts/lib/dynamo-local';
import { freePort } from '../../scripts/lib/ports';

/** One in-memory DynamoDB Local for the whole run; each test file makes its own table in it. */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal(await freePort());
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __dynamo__?: typeof dynamo }).__dynamo__ = dynamo;
}
