import { gatewayStatus, httpClient, type Answer, type Client } from './lib/http';
import { ms, times, verdict, type Row } from './lib/report';
import { deployedTimeoutMs } from './lib/service-config';
import { inFlight, percentiles, rampUp, type Percentiles } from './lib/stats';

export const P50_GOAL_RATIO = 1.3;
export const LEVELS = [1, 10, 50] as const;
/**
 * Measured rounds per level (after the warm-up); each round runs a block of requests per route, the routes
 * one after another, so drift on a shared machine falls on all of them alike. A block holds at least five
 * waves of the level, so most of its requests see that many in flight, not the fill and drain at its ends.
 */
const ROUNDS = 12;
export const blockSize = (level: number) => Math.max(50, 5 * level);
/**
 * Warm calls per function instance before a level is measured: a worker thread's code is compiled
 * lazily and optimised only after many calls; with two per instance the first rounds still ran 1.5–2×
 * slower than the last, and whichever route came first in a round paid most of it.
 */
const WARM_CALLS_PER_INSTANCE = 30;
const REVALIDATIONS = 150;
/** What the H5 app's browser sends (and the function gzips public answers over 1 KB for it). */
export const CLIENT_HEADERS = { 'accept-encoding': 'gzip, deflate, br' } as const;

export const ROUTES = {
  noop: '/bench/noop',
  // The majors page's first, unfiltered request: since the catalog review the seed holds no 高职专科 major.
  majors: '/majors',
  activities: '/activities',
} as const;
type RouteName = keyof typeof ROUTES;
const LABEL: Record<RouteName, string> = {
  noop: 'GET /bench/noop',
  majors: 'GET /majors',
  activities: 'GET /activities',
};

export interface LevelResult {
  inFlight: number;
  /** Warm-up and measurement of this level, for the run's time budget. */
  wallMs: number;
  routes: Record<
    RouteName,
    Percentiles & { errors: number; overTimeout: number; bodyBytes: number; wireBytes: number }
  >;
}

export interface RevalidationResult {
  route: RouteName;
  full: Percentiles & { bodyBytes: number; wireBytes: number };
  notModified: Percentiles & { statuses: Record<string, number> };
}

export interface CatalogResult {
  levels: LevelResult[];
  revalidation: RevalidationResult[];
}

const get = (client: Client, path: string, headers: Record<string, string> = {}) =>
  client.send('GET', path, { headers: { ...CLIENT_HEADERS, ...headers } });

async function burst(client: Client, path: string, total: number, concurrency: number): Promise<Answer[]> {
  return (await inFlight(total, concurrency, () => get(client, path))).results;
}

/**
 * Catalog reads through serverless-offline against the no-op function on the same stack: per level, a
 * warm-up that brings up that many function instances, then rounds that rotate through the three routes
 * so that drift on a shared machine falls on all of them alike.
 */
export async function measureCatalog(
  apiUrl: string,
  say: (line: string) => void = () => {},
): Promise<CatalogResult> {
  const client = httpClient(apiUrl, 64);
  const timeoutMs = deployedTimeoutMs();
  const names = Object.keys(ROUTES) as RouteName[];
  const levels: LevelResult[] = [];
  try {
    let previous = 1;
    for (const level of LEVELS) {
      const levelStarted = performance.now();
      // Warm-up: `level` instances of each function, brought up a few at a time (see rampUp), then
      // enough calls on them for their code to be optimised; the bench config keeps idle instances for
      // the whole run.
      for (const name of names) {
        await rampUp(() => get(client, ROUTES[name]), level, previous);
        await burst(client, ROUTES[name], WARM_CALLS_PER_INSTANCE * level, level);
      }
      const samples = Object.fromEntries(names.map((n) => [n, [] as Answer[]])) as Record<
        RouteName,
        Answer[]
      >;
      // Each round starts at the next route, so no route always runs right after the same one.
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
          samples[name].push(...(await burst(client, ROUTES[name], blockSize(level), level)));
        }
      }
      previous = level;
      say(`  ${level} in flight: ${((performance.now() - levelStarted) / 1000).toFixed(0)} s`);
      levels.push({
        inFlight: level,
        wallMs: Math.round(performance.now() - levelStarted),
        routes: Object.fromEntries(
          names.map((n) => [
            n,
            {
              ...percentiles(samples[n].map((a) => a.ms)),
              errors: samples[n].filter((a) => gatewayStatus(a) !== 200).length,
              overTimeout: samples[n].filter((a) => a.ms > timeoutMs).length,
              bodyBytes: Buffer.byteLength(samples[n][0]?.body ?? ''),
              wireBytes: samples[n][0]?.wireBytes ?? 0,
            },
          ]),
        ) as LevelResult['routes'],
      });
    }

    // ETag revalidation: the same request with If-None-Match, alternating with full ones, one at a time.
    const revalidation: RevalidationResult[] = [];
    for (const name of ['majors', 'activities'] as const) {
      const first = await get(client, ROUTES[name]);
      const etag = String(first.headers.etag ?? '');
      const full: Answer[] = [];
      const conditional: Answer[] = [];
      for (let i = 0; i < REVALIDATIONS; i++) {
        full.push(await get(client, ROUTES[name]));
        conditional.push(await get(client, ROUTES[name], { 'if-none-match': etag }));
      }
      const statuses: Record<string, number> = {};
      for (const a of conditional) {
        const status = gatewayStatus(a);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
      revalidation.push({
        route: name,
        full: {
          ...percentiles(full.map((a) => a.ms)),
          bodyBytes: Buffer.byteLength(first.body),
          wireBytes: first.wireBytes,
        },
        notModified: { ...percentiles(conditional.map((a) => a.ms)), statuses },
      });
    }
    return { levels, revalidation };
  } finally {
    client.close();
  }
}

type Counted = { errors: number; overTimeout: number; n: number };

function errorNote(route: Counted, noop: Counted): string {
  const parts = [
    route.errors ? `${route.errors} of ${route.n} failed` : '',
    route.overTimeout ? `${route.overTimeout} of ${route.n} slower than the deployed timeout` : '',
    noop.errors ? `no-op: ${noop.errors} failed` : '',
    noop.overTimeout ? `no-op: ${noop.overTimeout} over the timeout` : '',
  ].filter(Boolean);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** The body as the client asked for it (gzip, as a browser) and as JSON. */
const size = (r: { bodyBytes: number; wireBytes: number }) =>
  r.wireBytes < r.bodyBytes ? `${kb(r.wireBytes)} gzip of ${kb(r.bodyBytes)}` : kb(r.bodyBytes);

const triple = (p: Percentiles) => `${ms(p.p50)} · ${ms(p.p95)} · ${ms(p.p99)}`;

export function catalogRows(r: CatalogResult): Row[] {
  const rows: Row[] = [];
  for (const level of r.levels) {
    const noop = level.routes.noop;
    for (const name of ['majors', 'activities'] as const) {
      const route = level.routes[name];
      const ratio = route.p50 / noop.p50;
      const errors = route.errors + noop.errors;
      rows.push({
        figure: `2 · ${LABEL[name]} (${size(route)}) · ${level.inFlight} in flight · p50 · p95 · p99${errorNote(route, noop)}`,
        measured: triple(route),
        baseline: `no-op ${triple(noop)}`,
        ratio: `${times(ratio)} · ${times(route.p95 / noop.p95)} · ${times(route.p99 / noop.p99)}`,
        goal: `p50 ≤ ${P50_GOAL_RATIO}× no-op`,
        verdict: verdict(ratio <= P50_GOAL_RATIO && errors === 0),
      });
    }
  }
  for (const v of r.revalidation) {
    const all304 = (v.notModified.statuses['304'] ?? 0) === v.notModified.n;
    rows.push({
      figure: `2 · ${LABEL[v.route]} · ETag revalidation (304, empty body) · p50${all304 ? '' : ' (not all 304!)'}`,
      measured: ms(v.notModified.p50),
      baseline: `full 200 (${size(v.full)}) ${ms(v.full.p50)}`,
      ratio: times(v.notModified.p50 / v.full.p50),
      goal: '— (every answer 304)',
      verdict: all304 ? 'info' : 'fail',
    });
  }
  return rows;
}
