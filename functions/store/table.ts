import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import definition from './table.json';

type Index = NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>[number];
const INDEXES = definition.GlobalSecondaryIndexes as Index[];
const ATTRIBUTES = definition.AttributeDefinitions as NonNullable<
  CreateTableCommandInput['AttributeDefinitions']
>;

/**
 * Creates the table from the same definition serverless.yml deploys, if it is not there yet; a table made
 * before an index was added to the definition (a local stack's saved data) gets the index.
 */
export async function ensureTable(
  client: DynamoDBClient,
  name: string,
): Promise<'created' | 'exists' | 'updated'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    return await addMissingIndexes(client, name, Table ?? {});
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  const input: CreateTableCommandInput = {
    TableName: name,
    BillingMode: definition.BillingMode as 'PAY_PER_REQUEST',
    AttributeDefinitions: ATTRIBUTES,
    KeySchema: definition.KeySchema as CreateTableCommandInput['KeySchema'],
    GlobalSecondaryIndexes: INDEXES,
  };
  await client.send(new CreateTableCommand(input));
  return 'created';
}

/** DynamoDB adds one index per update, and the next only once the table is active again. */
async function addMissingIndexes(
  client: DynamoDBClient,
  name: string,
  table: TableDescription,
): Promise<'exists' | 'updated'> {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = INDEXES.filter((i) => !present.has(i.IndexName));
  for (const index of missing) {
    const keyNames = new Set((index.KeySchema ?? []).map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: ATTRIBUTES.filter((a) => keyNames.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          {
            Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection },
          },
        ],
      }),
    );
    for (let wait = 0; wait < 120; wait++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      const state = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName);
      if (Table?.TableStatus === 'ACTIVE' && state?.IndexStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return missing.length ? 'updated' : 'exists';
}

export async function dropTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
}
