import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH } from '../scripts/lib/system-packages';
import { ms, times, type Row } from './lib/report';
import { median } from './lib/stats';

export const LIGHTHOUSE_RUNS = 3;

/** One Lighthouse run's figures: mobile form factor, simulated Slow 4G and a 4× slower CPU (its defaults). */
export interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes on the wire for the whole load, as Lighthouse counted them. */
  transferBytes: number;
}

export interface LighthouseSide {
  runs: LighthouseRun[];
  /** The run with the median performance score (the figures shown come from one run, not mixed). */
  median: LighthouseRun;
}

export interface LighthouseResult {
  lighthouse: string;
  app: LighthouseSide;
  bare: LighthouseSide;
}

interface Lhr {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

type LighthouseFn = (
  url: string,
  flags: { port: number; output: 'json'; logLevel: 'error'; onlyCategories: string[] },
) => Promise<{ lhr: Lhr } | undefined>;

/**
 * Lighthouse (the npm package, version pinned in package.json) against Debian's Chromium, started by
 * chrome-launcher with the same flags as every other browser here and a fresh profile per run.
 */
async function runLighthouse(url: string): Promise<{ version: string; run: LighthouseRun }> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: LighthouseFn };
  const launcher = await import('chrome-launcher');
  const profile = mkdtempSync(join(tmpdir(), 'sp-lighthouse-'));
  const chrome = await launcher.launch({
    chromePath: CHROMIUM_LAUNCH.executablePath,
    chromeFlags: CHROMIUM_LAUNCH.args,
    userDataDir: profile,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const value = (audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;
    return {
      version: lhr.lighthouseVersion,
      run: {
        performance: lhr.categories.performance?.score ?? 0,
        accessibility: lhr.categories.accessibility?.score ?? 0,
        lcpMs: value('largest-contentful-paint'),
        fcpMs: value('first-contentful-paint'),
        tbtMs: value('total-blocking-time'),
        cls: value('cumulative-layout-shift'),
        transferBytes: value('total-byte-weight'),
      },
    };
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

function side(runs: LighthouseRun[]): LighthouseSide {
  const score = median(runs.map((r) => r.performance));
  return { runs, median: runs.find((r) => r.performance === score) ?? (runs[0] as LighthouseRun) };
}

/** LIGHTHOUSE_RUNS runs of each page, alternating, so that a busy moment of the machine lands on both. */
export async function measureLighthouse(appUrl: string, bareUrl: string): Promise<LighthouseResult> {
  const app: LighthouseRun[] = [];
  const bare: LighthouseRun[] = [];
  let version = '';
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const a = await runLighthouse(appUrl);
    app.push(a.run);
    version = a.version;
    bare.push((await runLighthouse(bareUrl)).run);
  }
  return { lighthouse: version, app: side(app), bare: side(bare) };
}

export function lighthouseRows(r: LighthouseResult): Row[] {
  const a = r.app.median;
  const b = r.bare.median;
  const of = `Lighthouse ${r.lighthouse}, mobile, simulated Slow 4G, median of ${LIGHTHOUSE_RUNS}`;
  return [
    {
      figure: `5 · H5 home: Lighthouse performance · accessibility (${of})`,
      measured: `${a.performance.toFixed(2)} · ${a.accessibility.toFixed(2)}`,
      baseline: `${b.performance.toFixed(2)} · ${b.accessibility.toFixed(2)} bare Taro H5 app`,
      ratio: times(a.performance / b.performance),
      goal: 'performance ≥ 0.95, accessibility 1.0',
      verdict: a.performance >= 0.95 && a.accessibility === 1 ? 'pass' : 'fail',
    },
    {
      figure: '5 · H5 home: Lighthouse LCP · FCP · TBT · CLS (same run)',
      measured: `${ms(a.lcpMs)} · ${ms(a.fcpMs)} · ${ms(a.tbtMs)} · ${a.cls.toFixed(3)}`,
      baseline: `${ms(b.lcpMs)} · ${ms(b.fcpMs)} · ${ms(b.tbtMs)} · ${b.cls.toFixed(3)} bare`,
      ratio: times(a.lcpMs / b.lcpMs),
      goal: 'LCP ≤ 2.5 s',
      verdict: a.lcpMs <= 2500 ? 'pass' : 'fail',
    },
  ];
}
