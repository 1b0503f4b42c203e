import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../lib/env';

let documentClient: DynamoDBDocumentClient | undefined;

/** One client per module scope, built on first use so a cold start pays for it once. */
export function db(): DynamoDBDocumentClient {
  if (documentClient) return documentClient;
  const { region, dynamodbEndpoint } = env();
  const client = new DynamoDBClient({
    region,
    ...(dynamodbEndpoint
      ? { endpoint: dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  });
  documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function tableName(): string {
  return env().tableName;
}
