/**
 * `npm run size`: the weapp build's package sizes against WeChat budgets we set ourselves —
 * main package ≤ 450 KB, each subpackage ≤ 300 KB (WeChat's hard limit is 2 MB each).
 * Builds dist/weapp first when it is missing or older than the sources; `--no-build` skips that.
 * Exits 1 when a package is over budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const DIST = join(ROOT, 'dist/weapp');
const KB = 1024;
export const BUDGET = { main: 450 * KB, subpackage: 300 * KB };

/** Files in the build that WeChat does not upload as package content. */
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function newest(paths: string[]): number {
  let max = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const files = statSync(p).isDirectory() ? walk(p) : [p];
    for (const f of files) max = Math.max(max, statSync(f).mtimeMs);
  }
  return max;
}

export function buildIfStale(noBuild: boolean): void {
  const marker = join(DIST, 'app.json');
  const sources = newest(
    [
      'miniprogram',
      'shared',
      'config',
      'babel.config.js',
      'project.config.json',
      '.env',
      '.env.production',
    ].map((p) => join(ROOT, p)),
  );
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= sources;
  if (fresh || noBuild) {
    if (!existsSync(marker)) throw new Error('dist/weapp is missing: run without --no-build');
    return;
  }
  console.log('dist/weapp is missing or older than the sources: building it (npm run build:weapp)…');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`taro build --type weapp failed (exit ${result.status})`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export interface PackageSize {
  name: string;
  root: string;
  files: number;
  bytes: number;
  budget: number;
}

/** Sums every file under dist/weapp into the main package or the subpackage whose root holds it. */
export function measure(dist: string = DIST): PackageSize[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes = new Map<string, PackageSize>([
    ['', { name: '主包 main', root: '/', files: 0, bytes: 0, budget: BUDGET.main }],
  ]);
  for (const root of roots)
    sizes.set(root, { name: `分包 ${root}`, root, files: 0, bytes: 0, budget: BUDGET.subpackage });
  for (const file of walk(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    if (NOT_PACKAGED.has(rel) || rel.endsWith('.map')) continue;
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? '';
    const entry = sizes.get(owner) as PackageSize;
    entry.files += 1;
    entry.bytes += statSync(file).size;
  }
  return [...sizes.values()];
}

function main(): void {
  buildIfStale(process.argv.includes('--no-build'));
  const sizes = measure();
  const rows = sizes.map((s) => ({
    package: s.name,
    files: s.files,
    bytes: s.bytes,
    KB: (s.bytes / KB).toFixed(1),
    budgetKB: s.budget / KB,
    status: s.bytes <= s.budget ? 'ok' : 'OVER',
  }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  console.table(rows);
  console.log(
    `total ${total} bytes (${(total / KB).toFixed(1)} KB); WeChat's limits: 2 MB a package, 20 MB in all`,
  );
  const over = sizes.filter((s) => s.bytes > s.budget);
  if (over.length) {
    console.error(
      `over budget: ${over.map((s) => `${s.name} ${(s.bytes / KB).toFixed(1)} KB > ${s.budget / KB} KB`).join('; ')}`,
    );
    process.exit(1);
  }
}

if (require.main === module) main();
