import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export type Verdict = 'pass' | 'fail' | 'info';

/** One line of the table: what was measured, against what, and whether it meets its goal. */
export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
  verdict: Verdict;
}

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // cpus() is the same figure where nproc is missing
  }
  return {
    nproc,
    cpu: (model ?? cpus()[0]?.model ?? 'unknown').trim(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${process.arch}`,
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

export function verdict(ok: boolean): Verdict {
  return ok ? 'pass' : 'fail';
}

const MARK: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ fail', info: '—' };

export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const lines = [
    '| Figure | Measured | Baseline | Ratio | Goal | Result |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${[r.figure, r.measured, r.baseline, r.ratio, r.goal, MARK[r.verdict]].map(escape).join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

export function describeMachine(m: Machine): string {
  return `${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.os}`;
}

const BEGIN = '<!-- bench:begin (written by `npm run bench`) -->';
const END = '<!-- bench:end -->';

/**
 * Replaces the table between the bench markers at the end of the README, or appends a "Benchmarks"
 * section when there is none; nothing else in the file changes.
 */
export function updateReadme(path: string, body: string): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const block = `${BEGIN}\n${body.trim()}\n${END}`;
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start >= 0 && end > start) {
    writeFileSync(path, text.slice(0, start) + block + text.slice(end + END.length));
    return;
  }
  const intro = [
    '## Benchmarks',
    '',
    '`npm run bench` (about 8 minutes; not part of `npm test`) measures every figure against a baseline taken in the',
    'same run on the same machine, prints this table and writes `bench/results/latest.json` and `latest.md`.',
    'What each line measures: `bench/README.md`.',
    '',
  ].join('\n');
  writeFileSync(path, `${text.replace(/\s*$/, '')}\n\n${intro}\n${block}\n`);
}
