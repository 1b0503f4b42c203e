import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A public answer as it goes out: serialized once, with its ETag, so a hit costs a map lookup. */
export interface CachedAnswer {
  status: number;
  body: string;
  etag: string;
  headers: Record<string, string>;
  /** The body gzipped, base64, made the first time a caller accepts gzip. */
  gzipped?: string;
  /** The body is binary, as base64 (never gzipped again: a workbook is already a zip). */
  base64?: boolean;
}

/** Below this a gzip header costs more than it saves. */
export const GZIP_MIN_BYTES = 1024;

/** `gzip` in Accept-Encoding, unless its quality is 0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * API Gateway's HTTP APIs do not compress: a public answer is gzipped here, once per cached answer, for
 * phones on a village's slow connection (the activity list shrinks to about a sixth).
 */
export function gzippedBody(answer: CachedAnswer, acceptEncoding: string | undefined): string | undefined {
  if (!answer.etag || answer.base64 || answer.body.length < GZIP_MIN_BYTES) return undefined;
  if (!acceptsGzip(acceptEncoding)) return undefined;
  answer.gzipped ??= gzipSync(answer.body).toString('base64');
  return answer.gzipped;
}

export function weakEtag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Per function instance, public catalog answers are kept for a short TTL: a burst of page views costs
 * one build per instance per TTL, and a revalidation (If-None-Match) is answered 304 before anything is
 * built. Concurrent misses of one key share the same build. The entry count is bounded because keys come
 * from query strings a caller chooses; the oldest entry goes first.
 *
 * Each entry lives between (1 − jitter) × TTL and the full TTL: instances that started together (a
 * deploy, a scale-out in a rush) would otherwise all rebuild in the same second, and the TTL stays the
 * bound on how stale an answer may be.
 */
export function createResponseCache(options: {
  ttlMs: number;
  maxEntries?: number;
  jitter?: number;
  now?: () => number;
  random?: () => number;
  /** Caches of one group are forgotten together when this instance writes what they show (forgetGroup). */
  group?: string;
}) {
  const { ttlMs, maxEntries = 256, jitter = 0.2, now = Date.now, random = Math.random } = options;
  const entries = new Map<string, { expiresAt: number; answer: Promise<CachedAnswer | undefined> }>();
  if (options.group) {
    const members = groups.get(options.group) ?? new Set();
    members.add(entries);
    groups.set(options.group, members);
  }

  return {
    /**
     * The cached answer for `key`, or `build`'s. `build` resolves to undefined for an answer that must not
     * be kept (an error, a private answer); it is then not shared with later callers.
     */
    async get(
      key: string,
      build: () => Promise<CachedAnswer | undefined>,
    ): Promise<CachedAnswer | undefined> {
      const hit = entries.get(key);
      if (hit && now() < hit.expiresAt) return hit.answer;
      if (hit) entries.delete(key);
      const expiresAt = now() + ttlMs * (1 - jitter * random());
      const answer = build();
      entries.set(key, { expiresAt, answer });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      const forget = () => {
        if (entries.get(key)?.answer === answer) entries.delete(key);
      };
      answer.then((a) => a ?? forget(), forget);
      return answer;
    },
    get size() {
      return entries.size;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

const groups = new Map<string, Set<Map<string, unknown>>>();

/**
 * Forgets this instance's cached answers of a group: an edit to the catalog shows at once in the function instance
 * that made it (and in every handler of a process that serves them all, as the integration tests' in-process
 * client does). Other instances, and serverless-offline's worker per function, see it within their TTL.
 */
export function forgetGroup(group: string): void {
  for (const entries of groups.get(group) ?? []) entries.clear();
}

/** One key per route, path and query, whatever order the query's parameters came in. */
export function cacheKey(parts: string[], query: Record<string, string>): string {
  const sorted = Object.keys(query)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(query[k] ?? '')}`)
    .join('&');
  return `${parts.join(' ')}?${sorted}`;
}
