import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../scripts/size';
import { ROOT } from '../scripts/stack';
import type { BareApp } from './lib/bare-taro';
import { kb, times, verdict, type Row } from './lib/report';

export const MAIN_GOAL_RATIO = 1.4;
export const SUBPACKAGE_GOAL_BYTES = 300 * 1024;

export interface PackageSizes {
  main: number;
  subpackages: Record<string, number>;
  total: number;
}

/** scripts/size.ts's split of a weapp build (main package and each subpackage root), in bytes. */
export function packageSizes(distDir: string): PackageSizes {
  const packages = measure(distDir);
  const main = packages.find((p) => p.root === '/');
  return {
    main: main?.bytes ?? 0,
    subpackages: Object.fromEntries(packages.filter((p) => p !== main).map((p) => [p.root, p.bytes])),
    total: packages.reduce((sum, p) => sum + p.bytes, 0),
  };
}

export interface WeappResult {
  app: PackageSizes;
  bare: PackageSizes;
  buildMs: { app: number; bare: number };
}

/** `npm run build:weapp` for the app, the same Taro CLI for the bare app, then both measured the same way. */
export function measureWeapp(bare: BareApp): WeappResult {
  const started = performance.now();
  const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0 || !existsSync(join(ROOT, 'dist/weapp/app.json'))) {
    throw new Error(
      `npm run build:weapp failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`,
    );
  }
  const appMs = performance.now() - started;
  const app = packageSizes(join(ROOT, 'dist/weapp'));
  const bareBuild = bare.build('weapp');
  return { app, bare: packageSizes(bareBuild.outDir), buildMs: { app: appMs, bare: bareBuild.ms } };
}

export function weappRows(r: WeappResult): Row[] {
  const mainRatio = r.app.main / r.bare.main;
  return [
    {
      figure: '1 · weapp main package',
      measured: kb(r.app.main),
      baseline: `${kb(r.bare.main)} bare 2-page Taro app`,
      ratio: times(mainRatio),
      goal: `≤ ${MAIN_GOAL_RATIO}× bare`,
      verdict: verdict(mainRatio <= MAIN_GOAL_RATIO),
    },
    ...Object.entries(r.app.subpackages).map(([root, bytes]) => ({
      figure: `1 · weapp subpackage ${root}`,
      measured: kb(bytes),
      baseline: `${kb(r.bare.main)} bare main package`,
      ratio: times(bytes / r.bare.main),
      goal: `≤ ${SUBPACKAGE_GOAL_BYTES / 1024} KB`,
      verdict: verdict(bytes <= SUBPACKAGE_GOAL_BYTES),
    })),
    {
      figure: '1 · weapp all packages',
      measured: kb(r.app.total),
      baseline: `${kb(r.bare.total)} bare app`,
      ratio: times(r.app.total / r.bare.total),
      goal: '— (WeChat: 2 MB each, 20 MB all)',
      verdict: 'info',
    },
  ];
}
