import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureH5Build, ROOT, startStack, type Stack } from '../scripts/stack';
import { BENCH_CONFIG, bundleRows, measureBundles } from './bundles';
import { catalogRows, measureCatalog } from './catalog';
import { h5Rows, measureH5 } from './h5-fcp';
import { createBareApp } from './lib/bare-taro';
import { describeMachine, machine, markdownTable, updateReadme, type Row } from './lib/report';
import { burstRows, measureBurst } from './signup-burst';
import { measureWeapp, weappRows } from './weapp-size';
import { measureWorkerDay, workerDayRows } from './worker-day';

/**
 * `npm run bench`: every figure against a baseline measured in the same run on the same machine, one
 * piece at a time (the machine is shared). `npm run bench -- --only 2,3` runs some pieces and writes
 * bench/results/partial.*.tmp instead of latest.*; only a full run updates the README.
 * `--record-baseline` makes piece 6 write its figures as the recorded "before" (bench/worker-day.ts).
 */
const PIECES = {
  1: 'weapp package sizes',
  2: 'catalog reads through serverless-offline',
  3: 'sign-up burst',
  4: 'function bundles and cold load',
  5: 'H5 home page: first contentful paint and Lighthouse',
  6: "the scheduled worker's DynamoDB writes in a simulated day",
} as const;
type Piece = keyof typeof PIECES;

const RESULTS = join(ROOT, 'bench/results');

/** What a crash or Ctrl-C must still stop: the stack's processes and the temp folders. */
let stack: Stack | undefined;
const scratch: Array<() => void> = [];

async function shutDown(): Promise<void> {
  const running = stack;
  stack = undefined;
  await running?.stop();
  while (scratch.length) scratch.pop()?.();
  rmSync(join(RESULTS, 'esbuild.tmp'), { recursive: true, force: true });
}

function abort(reason: unknown): void {
  console.error(reason);
  void shutDown().finally(() => process.exit(1));
}
process.on('uncaughtException', abort);
process.on('unhandledRejection', abort);
process.on('SIGINT', () => abort('interrupted'));
process.on('SIGTERM', () => abort('terminated'));

function selected(): Set<Piece> {
  const index = process.argv.indexOf('--only');
  const all = Object.keys(PIECES).map(Number) as Piece[];
  if (index < 0) return new Set(all);
  const wanted = (process.argv[index + 1] ?? '').split(',').map(Number);
  return new Set(all.filter((p) => wanted.includes(p)));
}

function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${rev} + uncommitted changes` : rev;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const pieces = selected();
  const full = pieces.size === Object.keys(PIECES).length;
  const began = Date.now();
  const say = (line: string) =>
    process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const failures: string[] = [];

  async function piece<T>(
    n: Piece,
    run: () => Promise<T> | T,
    toRows: (r: T) => Row[],
  ): Promise<T | undefined> {
    if (!pieces.has(n)) return undefined;
    say(`${n} · ${PIECES[n]}…`);
    try {
      const result = await run();
      details[String(n)] = result;
      rows.push(...toRows(result));
      return result;
    } catch (err) {
      const lines = String((err as Error)?.message ?? err).split('\n');
      const message = lines.slice(0, 12).join('\n');
      // The line that says what broke (a build's "resolve './…'", an Error:), not only "build failed:".
      const cause =
        lines.find((l) => /resolve '|Module not found|Error:|error TS|ENOENT/.test(l)) ?? lines[0] ?? '';
      failures.push(`${n} · ${PIECES[n]}: ${message}`);
      details[String(n)] = { error: lines.slice(0, 60).join('\n') };
      rows.push({
        figure: `${n} · ${PIECES[n]}`,
        measured: 'did not run to the end',
        baseline: `${lines[0]?.slice(0, 60) ?? ''} ${cause.trim().slice(0, 160)}`.trim(),
        ratio: '—',
        goal: '—',
        verdict: 'fail',
      });
      say(`${n} failed: ${message}`);
      return undefined;
    }
  }

  const bare = createBareApp();
  const appH5 = mkdtempSync(join(tmpdir(), 'siping-bench-h5-'));
  scratch.push(bare.remove, () => rmSync(appH5, { recursive: true, force: true }));
  try {
    await piece(1, () => measureWeapp(bare), weappRows);
    // Packaging runs before the bench stack starts: its clean-up removes the esbuild work folder they share.
    await piece(4, () => measureBundles(), bundleRows);
    // Its own DynamoDB Local and process: the stack's table holds the other pieces' activities.
    await piece(
      6,
      () =>
        measureWorkerDay(say, (stop) => scratch.push(stop), {
          recordBaseline: process.argv.includes('--record-baseline'),
        }),
      workerDayRows,
    );

    let bareH5: string | undefined;
    if (pieces.has(5)) {
      try {
        say('building the H5 app (when stale) and the bare Taro H5 app…');
        ensureH5Build(true);
        // A copy of our own: another build of dist/h5 during the run must not change what is served.
        cpSync(join(ROOT, 'dist/h5'), appH5, { recursive: true });
        if (!existsSync(join(appH5, 'index.html'))) throw new Error('dist/h5 has no index.html');
        bareH5 = bare.build('h5').outDir;
      } catch (err) {
        await piece(
          5,
          () => Promise.reject(err as Error),
          () => [],
        );
        pieces.delete(5);
      }
    }
    if (pieces.has(2) || pieces.has(3) || pieces.has(5)) {
      say(`starting DynamoDB Local + seed + serverless-offline --config ${BENCH_CONFIG}…`);
      stack = await startStack({ quiet: true, config: BENCH_CONFIG });
      const running = stack;
      await piece(2, () => measureCatalog(running.apiUrl, say), catalogRows);
      await piece(
        5,
        () => measureH5({ appDist: appH5, bareDist: bareH5 as string, apiUrl: running.apiUrl }),
        h5Rows,
      );
      await piece(3, () => measureBurst(running, say), burstRows);
    }
  } finally {
    say('stopping…');
    await shutDown();
  }

  const order = (r: Row) => Number(r.figure.split(' ')[0]);
  rows.sort((a, b) => order(a) - order(b));
  const m = machine();
  const date = new Date().toISOString();
  const revision = gitRevision();
  const table = markdownTable(rows);
  const markdown = [
    `Measured ${date.slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(m)}; revision ${revision};`,
    `${((Date.now() - began) / 60000).toFixed(1)} minutes. Each ratio is measured ÷ baseline from the same run.`,
    '',
    table,
    '',
  ].join('\n');

  mkdirSync(RESULTS, { recursive: true });
  const stem = full ? 'latest' : 'partial';
  const suffix = full ? '' : '.tmp';
  writeFileSync(
    join(RESULTS, `${stem}.json${suffix}`),
    `${JSON.stringify({ date, machine: m, revision, pieces: [...pieces], rows, details, failures }, null, 2)}\n`,
  );
  writeFileSync(join(RESULTS, `${stem}.md${suffix}`), markdown);
  if (full) updateReadme(join(ROOT, 'README.md'), markdown);

  process.stdout.write(`\n${markdown}\n`);
  if (failures.length) process.stdout.write(`Pieces that did not finish:\n- ${failures.join('\n- ')}\n`);
  say(`wrote bench/results/${stem}.json${suffix} and ${stem}.md${suffix}${full ? ', README.md' : ''}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
