import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { targetTable, UsageError, useTargetTable } from './lib/target-table';

const USAGE = `用法 / Usage:
  npm run seed -- --stage prod --region cn-northwest-1     the catalog only, into siping-skills-prod
  npm run seed -- --stage local --endpoint <url> [--with-samples]

  Brings the table's catalog (schools, majors, 1+X certificates) to the seed's: adds, updates, and retires (never
  deletes) what left the seed, and prints what it did. Sample activities and dev users (--with-samples, the
  default for the local stack) are refused outside stage local.
  Without --stage, the environment names the table (TABLE_NAME, DYNAMODB_ENDPOINT): how npm start and the tests
  call it.`;

/**
 * Creates the table if needed (locally; or adds an index it lacks), seeds it and puts older items on the worker's
 * agenda; prints the result as one JSON line. Run as its own process so its configuration never leaks.
 */
async function main(): Promise<number> {
  let samples: boolean | undefined;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        stage: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        'with-samples': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (values.stage) useTargetTable(targetTable(values));
    samples = values['with-samples'];
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  // Imported after the table is chosen: the stores read the environment on first use.
  const { env } = await import('../functions/lib/env');
  const { ensureTable } = await import('../functions/store/table');
  const { backfillAgenda } = await import('../functions/store/agenda-backfill');
  const { seed } = await import('./seed');
  const { dynamodbEndpoint, tableName, region } = env();
  if (dynamodbEndpoint) {
    // Only DynamoDB Local's tables are made here; a deployed stage's table is CloudFormation's.
    const client = new DynamoDBClient({
      region,
      endpoint: dynamodbEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableName);
    client.destroy();
  }
  try {
    const seeded = await seed({ samples });
    console.log(JSON.stringify({ table: tableName, ...seeded, agenda: await backfillAgenda(Date.now()) }));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    console.error((err as Error).message);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
