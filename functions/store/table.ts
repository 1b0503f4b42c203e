import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import definition from './table.json';

/** Creates the table from the same definition serverless.yml deploys, if it is not there yet. */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return 'exists';
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  const input: CreateTableCommandInput = {
    TableName: name,
    BillingMode: definition.BillingMode as 'PAY_PER_REQUEST',
    AttributeDefinitions: definition.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: definition.KeySchema as CreateTableCommandInput['KeySchema'],
    GlobalSecondaryIndexes:
      definition.GlobalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'],
  };
  await client.send(new CreateTableCommand(input));
  return 'created';
}

export async function dropTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
}
