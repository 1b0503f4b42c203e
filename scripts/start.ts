import { join } from 'node:path';
import { javaMissingMessage } from './lib/dynamo-local';
import { ROOT, startStack } from './stack';

// Local development runs on Node 20 by decision; Lambda runs nodejs22.x.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const missing = javaMissingMessage();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  const started = Date.now();
  const stack = await startStack({
    apiPort: 3000,
    webPort: 10086,
    dataDir: join(ROOT, '.data/dynamodb'),
    web: process.env.NO_WEB !== '1',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`API: ${stack.apiUrl}   DynamoDB Local: ${stack.dynamoEndpoint}（${seconds} 秒启动）`);
  console.log(`四平职教通已启动：用浏览器打开 ${stack.webUrl ?? stack.apiUrl}（按 Ctrl-C 停止）`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('正在停止…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
