import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/lib/ports';
import { startDynamoLocal } from '../scripts/lib/dynamo-local';
import { ROOT } from '../scripts/stack';
import type { DayResult, WorkerDayResult } from './lib/worker-day-run';
import { machine, times, verdict, type Machine, type Row } from './lib/report';

/**
 * The figures of the code before the worker stopped rereading history, measured once by
 * `npm run bench -- --only 6 --record-baseline` and committed: the old code no longer exists to run beside
 * the new. Write counts do not depend on the machine, so a recorded figure compares with a live one.
 */
export const BASELINE_FILE = join(ROOT, 'bench/results/worker-day-before.json');

export interface WorkerDayBaseline {
  /** The commit whose functions/ were measured. */
  revision: string;
  date: string;
  machine: Machine;
  result: WorkerDayResult;
}

export interface WorkerDayMeasurement {
  measured: WorkerDayResult;
  revision: string;
  baseline: WorkerDayBaseline | null;
  /** True when this run wrote the baseline file (the measured code is the "before"). */
  recorded: boolean;
}

/** HEAD, marked when functions/ (the measured code) has uncommitted changes. */
function functionsRevision(): string {
  const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'functions', 'serverless.yml'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  return dirty ? `${rev} + uncommitted changes in functions/` : rev;
}

/** Runs bench/lib/worker-day-run.ts in a process of its own against a fresh in-memory DynamoDB Local. */
async function simulate(say: (line: string) => void, onAbort: (stop: () => void) => void) {
  const dynamo = await startDynamoLocal(await freePort());
  const scratch = mkdtempSync(join(tmpdir(), 'siping-bench-worker-'));
  onAbort(() => {
    void dynamo.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  const out = join(scratch, 'result.json');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/worker-day-run.ts', out], {
        cwd: ROOT,
        env: {
          ...process.env,
          STAGE: 'local',
          TABLE_NAME: 'siping-skills-bench-worker-day',
          DYNAMODB_ENDPOINT: dynamo.endpoint,
          TOKEN_SECRET: 'bench-in-process-only',
          AWS_REGION: 'cn-northwest-1',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        for (const line of d.toString().split('\n')) if (line.startsWith('[worker-day]')) say(line);
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`worker-day-run exited ${code}: ${stderr.slice(-2000)}`)),
      );
    });
    return JSON.parse(readFileSync(out, 'utf8')) as WorkerDayResult;
  } finally {
    await dynamo.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function measureWorkerDay(
  say: (line: string) => void,
  onAbort: (stop: () => void) => void,
  options: { recordBaseline: boolean },
): Promise<WorkerDayMeasurement> {
  const revision = functionsRevision();
  const measured = await simulate(say, onAbort);
  if (options.recordBaseline) {
    const baseline: WorkerDayBaseline = {
      revision,
      date: new Date().toISOString(),
      machine: machine(),
      result: measured,
    };
    writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
    return { measured, revision, baseline, recorded: true };
  }
  const baseline = existsSync(BASELINE_FILE)
    ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as WorkerDayBaseline)
    : null;
  return { measured, revision, baseline, recorded: false };
}

const count = (n: number) => n.toLocaleString('en-US');

/** A ratio with two significant digits when it is small: 0.00× would hide the figure this piece is about. */
const ratio = (measured: number, baseline: number) => {
  const r = measured / baseline;
  return r > 0 && r < 0.1 ? `${r.toPrecision(2)}×` : times(r);
};

function writes(day: DayResult): string {
  return `${count(day.tally.writeItems)} writes (${count(day.tally.refusedItems)} refused)`;
}

/** Messages delivered over the two days, by kind: the change must send the same ones. */
function sent(result: WorkerDayResult): string {
  return Object.entries(result.outbox)
    .filter(([key]) => key.endsWith(' sent'))
    .map(([key, n]) => `${key.replace(/ sent$/, '')} ${count(n)}`)
    .sort()
    .join(' · ');
}

export function workerDayRows(m: WorkerDayMeasurement): Row[] {
  const { measured, baseline } = m;
  const before = baseline?.result;
  const label = `${count(measured.applicants)}-applicant lottery class, ${measured.seats} seats`;
  const where = m.recorded ? 'recorded now as the baseline' : `at ${baseline?.revision ?? '—'}`;
  const days = [
    ['the day from its draw', 'draw'],
    ['the day before it begins (reminders)', 'eve'],
  ] as const;
  const rows: Row[] = days.map(([what, key]) => {
    const now = measured.days[key];
    const then = before?.days[key];
    return {
      figure: `6 · worker writes in a day, ${label}: ${what}, ${now.runs} runs`,
      measured: `${writes(now)} · ${m.revision}`,
      baseline: then ? `before: ${writes(then)} ${where}` : 'no recorded baseline',
      ratio: then ? ratio(now.tally.writeItems, then.tally.writeItems) : '—',
      goal: m.recorded ? '—' : 'no write refused: nothing is tried twice',
      verdict: m.recorded ? 'info' : verdict(now.tally.refusedItems === 0),
    };
  });
  const reads = (r: WorkerDayResult) =>
    `${count(r.days.draw.tally.readRequests + r.days.eve.tally.readRequests)} requests, ${count(
      r.days.draw.tally.readItems + r.days.eve.tally.readItems,
    )} items`;
  rows.push({
    figure: `6 · worker reads over the two days, ${label}`,
    measured: reads(measured),
    baseline: before ? `before: ${reads(before)}` : '—',
    ratio: before
      ? ratio(
          measured.days.draw.tally.readItems + measured.days.eve.tally.readItems,
          before.days.draw.tally.readItems + before.days.eve.tally.readItems,
        )
      : '—',
    goal: '—',
    verdict: 'info',
  });
  rows.push({
    figure: '6 · messages sent over the two days, by kind',
    measured: sent(measured),
    baseline: before ? `before: ${sent(before)}` : '—',
    ratio: '—',
    goal: 'the same messages as before',
    verdict: before && sent(before) === sent(measured) ? 'pass' : before ? 'fail' : 'info',
  });
  return rows;
}
