import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../scripts/lib/ports';
import { CHROMIUM_LAUNCH } from '../scripts/lib/system-packages';
import { serveWeb } from '../scripts/lib/web-server';
import { lighthouseRows, measureLighthouse, type LighthouseResult } from './h5-lighthouse';
import { kb, ms, times, type Row } from './lib/report';
import { median } from './lib/stats';

export const SAMPLES = 3;

/**
 * Chrome DevTools' "Slow 4G" preset (the former "Fast 3G"; crbug.com/342406608), as Puppeteer's
 * PredefinedNetworkConditions spell it: 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, 150 ms × 3.75 latency.
 */
export const SLOW_4G = {
  offline: false,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
  latency: 150 * 3.75,
} as const;

export interface PageLoad {
  fcpMs: number;
  /** Every script the page loaded (until the network was idle): bytes on the wire, headers included. */
  scripts: Array<{ path: string; transferBytes: number }>;
}

export interface H5Side {
  fcpMs: number;
  samples: number[];
  jsFiles: string[];
  transferBytes: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface H5Result {
  network: typeof SLOW_4G;
  app: H5Side;
  bare: H5Side;
  lighthouse: LighthouseResult;
}

async function loadOnce(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { ...SLOW_4G, connectionType: 'cellular4g' });
    const scriptUrls = new Map<string, string>();
    const transfer = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scriptUrls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => transfer.set(e.requestId, e.encodedDataLength));
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const fcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint')[0];
          if (seen) return resolve(seen.startTime);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    const scripts = [...scriptUrls].map(([id, u]) => ({
      path: new URL(u).pathname,
      transferBytes: transfer.get(id) ?? 0,
    }));
    await cdp.detach();
    return { fcpMs, scripts };
  } finally {
    await context.close();
  }
}

function side(loads: PageLoad[], distDir: string): H5Side {
  const last = loads[loads.length - 1] as PageLoad;
  const files = [...new Set(last.scripts.map((s) => s.path))];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const path of files) {
    const file = normalize(join(distDir, decodeURIComponent(path)));
    if (!file.startsWith(distDir) || !existsSync(file)) continue;
    const body = readFileSync(file);
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  const samples = loads.map((l) => l.fcpMs);
  return {
    fcpMs: median(samples),
    samples,
    jsFiles: files,
    transferBytes: last.scripts.reduce((sum, s) => sum + s.transferBytes, 0),
    rawBytes,
    gzipBytes,
  };
}

/**
 * The H5 home page and the bare Taro app's first page, each served by scripts/lib/web-server.ts (which sends
 * the precompressed files a build has), loaded SAMPLES times each (alternating) in a fresh browser context
 * under Slow 4G: first contentful paint and JS; then Lighthouse on both (h5-lighthouse.ts).
 */
export async function measureH5(options: {
  appDist: string;
  bareDist: string;
  apiUrl: string;
}): Promise<H5Result> {
  const serve = async (dist: string): Promise<{ server: Server; url: string }> => {
    const port = await freePort();
    return { server: await serveWeb(dist, port, options.apiUrl), url: `http://127.0.0.1:${port}/` };
  };
  const appSite = await serve(options.appDist);
  const bareSite = await serve(options.bareDist);
  const appUrl = appSite.url;
  const bareUrl = bareSite.url;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    // One unmeasured load each: the browser's own first-start work should not land on either side.
    await loadOnce(browser, appUrl);
    await loadOnce(browser, bareUrl);
    const app: PageLoad[] = [];
    const bare: PageLoad[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      app.push(await loadOnce(browser, appUrl));
      bare.push(await loadOnce(browser, bareUrl));
    }
    const lighthouse = await measureLighthouse(appUrl, bareUrl);
    return {
      network: SLOW_4G,
      app: side(app, options.appDist),
      bare: side(bare, options.bareDist),
      lighthouse,
    };
  } finally {
    await browser.close();
    for (const site of [appSite, bareSite]) await new Promise<void>((r) => site.server.close(() => r()));
  }
}

export function h5Rows(r: H5Result): Row[] {
  const { app, bare } = r;
  return [
    {
      figure: `5 · H5 home first contentful paint, Slow 4G (median of ${SAMPLES})`,
      measured: ms(app.fcpMs),
      baseline: `${ms(bare.fcpMs)} bare Taro H5 app`,
      ratio: times(app.fcpMs / bare.fcpMs),
      goal: '—',
      verdict: 'info',
    },
    {
      figure: `5 · H5 home JS on the wire (brotli, as the browser asks) · ${app.jsFiles.length} files`,
      measured: kb(app.transferBytes),
      baseline: `${kb(bare.transferBytes)} bare · ${bare.jsFiles.length} files`,
      ratio: times(app.transferBytes / bare.transferBytes),
      goal: '—',
      verdict: 'info',
    },
    {
      figure: '5 · H5 JS shipped: raw files · gzip -6 computed',
      measured: `${kb(app.rawBytes)} · ${kb(app.gzipBytes)}`,
      baseline: `${kb(bare.rawBytes)} · ${kb(bare.gzipBytes)} bare`,
      ratio: `${times(app.rawBytes / bare.rawBytes)} · ${times(app.gzipBytes / bare.gzipBytes)}`,
      goal: '—',
      verdict: 'info',
    },
    ...lighthouseRows(r.lighthouse),
  ];
}
