import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDynamoLocal, type DynamoLocal } from './lib/dynamo-local';
import { fatal, freePort, waitFor } from './lib/ports';
import { serveWeb } from './lib/web-server';
import type { SeedResult } from './seed';

export const ROOT = resolve(__dirname, '..');
export const LOCAL_TABLE = 'siping-skills-local';

export interface StackOptions {
  apiPort?: number;
  webPort?: number;
  /** Where DynamoDB Local keeps its file; a fresh temp folder when omitted. */
  dataDir?: string;
  /** Serve the H5 app too (built first when the sources are newer than dist/h5). */
  web?: boolean;
  quiet?: boolean;
  env?: Record<string, string>;
  /**
   * A Serverless config other than serverless.yml, passed as `--config` (e.g. `serverless.bench.yml`).
   * Serverless v3 wants it in the service root, next to serverless.yml.
   */
  config?: string;
}

export interface Stack {
  apiUrl: string;
  webUrl: string | null;
  dynamoEndpoint: string;
  tableName: string;
  seed: SeedResult;
  stop(): Promise<void>;
  /** Kills the API process at once (SIGKILL), as a crash would: for the fault tests. */
  killApi(): Promise<void>;
  restartApi(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The H5 build is reused while no source under miniprogram/, shared/ or config/ is newer than it. */
export function ensureH5Build(quiet = false): void {
  const marker = join(ROOT, 'dist/h5/index.html');
  const sources = Math.max(...['miniprogram', 'shared', 'config'].map((d) => newestMtime(join(ROOT, d))));
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources) return;
  if (!quiet) console.log('正在构建 H5 应用（首次约 30 秒）…');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'],
    {
      cwd: ROOT,
      stdio: quiet ? 'pipe' : 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        TARO_APP_API_BASE: process.env.TARO_APP_API_BASE ?? '/api',
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(`H5 build failed${quiet ? `:\n${result.stdout}\n${result.stderr}` : ''}`);
  }
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolvePromise();
    child.once('exit', () => resolvePromise());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000).unref();
  });
}

/**
 * The whole local stack: DynamoDB Local, the table from functions/store/table.json, the seed, the
 * functions under serverless-offline and, optionally, the H5 app. `stop()` ends every process it started.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const apiPort = options.apiPort ?? (await freePort());
  const dynamoPort = await freePort();
  const lambdaPort = await freePort();
  const tempDir = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'siping-db-'));
  const dataDir = resolve(options.dataDir ?? (tempDir as string));
  const say = (line: string) => {
    if (!options.quiet) console.log(line);
  };

  let dynamo: DynamoLocal | undefined;
  let offline: ChildProcess | undefined;
  let web: Server | undefined;
  const stop = async () => {
    if (web) await new Promise<void>((r) => web?.close(() => r()));
    if (offline) await stopProcessGroup(offline);
    if (dynamo) await dynamo.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    dynamo = await startDynamoLocal(dynamoPort, dataDir);
    const settings = {
      STAGE: 'local',
      TABLE_NAME: LOCAL_TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TOKEN_SECRET: process.env.TOKEN_SECRET ?? 'local-stage-only-secret-never-deployed',
      AWS_REGION: 'cn-northwest-1',
      ...options.env,
    };
    const seeding = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/seed-cli.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...settings },
    });
    if (seeding.status !== 0) throw new Error(`Seeding failed:\n${seeding.stderr}`);
    const seeded = JSON.parse(seeding.stdout.trim().split('\n').pop() ?? '{}') as SeedResult;
    say(
      seeded.firstRun
        ? `已写入四平示例数据：${seeded.catalog.schools} 所学校、${seeded.catalog.majors} 个专业、${seeded.catalog.certificates} 个证书、${seeded.activities} 个示例活动`
        : `沿用已有数据（${dataDir}），报名记录保持不变`,
    );

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const startApi = async (): Promise<ChildProcess> => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules/serverless/bin/serverless.js'),
          'offline',
          'start',
          '--stage',
          'local',
          '--httpPort',
          String(apiPort),
          '--lambdaPort',
          String(lambdaPort),
          ...(options.config ? ['--config', options.config] : []),
        ],
        {
          cwd: ROOT,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            ...settings,
            SLS_TELEMETRY_DISABLED: '1',
            SLS_NOTIFICATIONS_MODE: 'off',
            SLS_DEPRECATION_DISABLE: '*',
          },
        },
      );
      let output = '';
      const collect = (d: Buffer) => {
        output = (output + d.toString()).slice(-20000);
        if (process.env.STACK_DEBUG) process.stderr.write(d);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      try {
        await waitFor(
          'serverless-offline',
          async () => {
            if (child.exitCode !== null || child.signalCode !== null)
              throw fatal(`serverless-offline exited:\n${output}`);
            const res = await fetch(`${apiUrl}/schools`);
            return res.status === 200;
          },
          120_000,
        );
      } catch (err) {
        await stopProcessGroup(child);
        throw err;
      }
      return child;
    };
    offline = await startApi();

    let webUrl: string | null = null;
    if (options.web) {
      ensureH5Build(options.quiet);
      const webPort = options.webPort ?? (await freePort());
      web = await serveWeb(join(ROOT, 'dist/h5'), webPort, apiUrl);
      webUrl = `http://127.0.0.1:${webPort}`;
    }
    return {
      apiUrl,
      webUrl,
      dynamoEndpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE,
      seed: seeded,
      stop,
      async killApi() {
        if (offline?.pid) process.kill(-offline.pid, 'SIGKILL');
        if (offline) await stopProcessGroup(offline);
        offline = undefined;
      },
      async restartApi() {
        offline = await startApi();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
