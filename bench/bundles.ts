import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { LOCAL_TABLE, ROOT } from '../scripts/stack';
import { kb, ms, times, type Row } from './lib/report';
import { lambdaNodeOptions } from './lib/service-config';
import { median } from './lib/stats';

export const LOADS = 5;
export const BENCH_CONFIG = 'serverless.bench.yml';
export const NOOP_FUNCTION = 'benchNoop';
/** Under the repo (git-ignored) so a bundle's `require('@aws-sdk/…')` finds node_modules as on Lambda's runtime. */
const UNPACKED = join(ROOT, 'bench/results/bundles.tmp');

export interface FunctionBundle {
  name: string;
  zipBytes: number;
  jsBytes: number;
  /** Wall time of a fresh `node -e "require(bundle)"`, median of LOADS. */
  loadMs: number;
  /** Time spent inside `require()` in that process, median of LOADS. */
  requireMs: number;
}

export interface BundlesResult {
  packageMs: number;
  nodeOptions: string;
  functions: FunctionBundle[];
  noop: FunctionBundle;
  empty: { loadMs: number; requireMs: number };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function loadOnce(file: string, nodeOptions: string): { wallMs: number; requireMs: number } {
  const script =
    'const t=process.hrtime.bigint();require(process.argv[1]);' +
    'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', script, file], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
      STAGE: 'local',
      TABLE_NAME: LOCAL_TABLE,
      TOKEN_SECRET: 'local-stage-only-secret-never-deployed',
      AWS_REGION: 'cn-northwest-1',
    },
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`loading ${file} failed:\n${run.stderr}`);
  return { wallMs, requireMs: Number(run.stdout) };
}

/**
 * A fresh `node -e "require(file)"` per load, in LOADS rounds through all files so that drift on a shared
 * machine falls on the functions and the empty module alike; the median of each (the first round, with
 * the files not yet in the page cache, is the one a median drops).
 */
function timeLoads(
  files: readonly string[],
  nodeOptions: string,
): Map<string, { loadMs: number; requireMs: number }> {
  const samples = new Map(files.map((f) => [f, { walls: [] as number[], inside: [] as number[] }]));
  for (let round = 0; round < LOADS; round++) {
    for (const file of files) {
      const { wallMs, requireMs } = loadOnce(file, nodeOptions);
      samples.get(file)?.walls.push(wallMs);
      samples.get(file)?.inside.push(requireMs);
    }
  }
  return new Map(
    [...samples].map(([file, s]) => [file, { loadMs: median(s.walls), requireMs: median(s.inside) }]),
  );
}

/**
 * `serverless package` (the bench config: serverless.yml's functions and esbuild options plus the no-op)
 * into a temp folder; each zip's size, and the cold load of its handler in a fresh Node process.
 */
export function measureBundles(): BundlesResult {
  const out = mkdtempSync(join(tmpdir(), 'siping-bench-package-'));
  rmSync(UNPACKED, { recursive: true, force: true });
  let packagerPid: number | undefined;
  try {
    const started = performance.now();
    const pack = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/serverless/bin/serverless.js'),
        'package',
        '--stage',
        'local',
        '--config',
        BENCH_CONFIG,
        '--package',
        out,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
          SLS_DEPRECATION_DISABLE: '*',
        },
      },
    );
    packagerPid = pack.pid;
    if (pack.status !== 0) throw new Error(`serverless package failed:\n${pack.stdout}\n${pack.stderr}`);
    const packageMs = performance.now() - started;
    const nodeOptions = lambdaNodeOptions();

    const emptyDir = join(UNPACKED, '_empty');
    mkdirSync(emptyDir, { recursive: true });
    const emptyFile = join(emptyDir, 'empty.js');
    writeFileSync(emptyFile, '');

    const unpacked: Array<{ name: string; zipBytes: number; file: string }> = [];
    for (const zip of readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .sort()) {
      const name = basename(zip, '.zip');
      const dir = join(UNPACKED, name);
      mkdirSync(dir, { recursive: true });
      const unzip = spawnSync('unzip', ['-q', '-o', join(out, zip), '-d', dir], { encoding: 'utf8' });
      if (unzip.status !== 0) throw new Error(`unzip ${zip}: ${unzip.stderr}`);
      const scripts = walk(dir).filter(
        (f) => f.endsWith('.js') && !relative(dir, f).startsWith('node_modules'),
      );
      if (scripts.length !== 1)
        throw new Error(`${zip}: expected one bundled handler, found ${scripts.length}`);
      unpacked.push({ name, zipBytes: statSync(join(out, zip)).size, file: scripts[0] as string });
    }
    const loads = timeLoads([emptyFile, ...unpacked.map((u) => u.file)], nodeOptions);
    const timing = (file: string) => loads.get(file) ?? { loadMs: Number.NaN, requireMs: Number.NaN };
    const empty = timing(emptyFile);
    const bundles: FunctionBundle[] = unpacked.map((u) => ({
      name: u.name,
      zipBytes: u.zipBytes,
      jsBytes: statSync(u.file).size,
      ...timing(u.file),
    }));
    const noop = bundles.find((b) => b.name === NOOP_FUNCTION);
    if (!noop) throw new Error(`no ${NOOP_FUNCTION}.zip in the package`);
    return { packageMs, nodeOptions, functions: bundles.filter((b) => b !== noop), noop, empty };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(UNPACKED, { recursive: true, force: true });
    if (packagerPid) removeZipScratch(packagerPid);
  }
}

/** serverless-esbuild zips through `$TMPDIR/<function>-<pid>-<time>-<hex>` folders and leaves them behind. */
function removeZipScratch(pid: number): void {
  const pattern = new RegExp(`^[A-Za-z0-9_]+-${pid}-\\d+-[0-9a-f]{8}$`);
  for (const name of readdirSync(tmpdir()).filter((n) => pattern.test(n))) {
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

export function bundleRows(r: BundlesResult): Row[] {
  return r.functions.map((f) => ({
    figure: `4 · function ${f.name}: zip · cold load (of which require)`,
    measured: `${kb(f.zipBytes)} · ${ms(f.loadMs)} (${ms(f.requireMs)})`,
    baseline: `no-op zip ${kb(r.noop.zipBytes)} · empty module ${ms(r.empty.loadMs)} (${ms(r.empty.requireMs)})`,
    ratio: `${times(f.zipBytes / r.noop.zipBytes)} · ${times(f.loadMs / r.empty.loadMs)}`,
    goal: '—',
    verdict: 'info' as const,
  }));
}
