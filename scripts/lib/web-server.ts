import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The precompressed files the build writes beside each text asset, by Content-Encoding. */
const ENCODINGS = { br: '.br', gzip: '.gz' } as const;
type Encoding = keyof typeof ENCODINGS;

/** The best encoding that the request accepts (q > 0) and that was precompressed for this file. */
export function preferredEncoding(accept: string | undefined, file: string): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const takes = (e: Encoding) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return (Object.keys(ENCODINGS) as Encoding[]).find((e) => takes(e) && existsSync(`${file}${ENCODINGS[e]}`));
}

/**
 * A file with its content hash in its name (config/index.ts: scripts, styles, images) never changes under
 * that name and is kept for a year; anything else (the page, prefetch.json) is revalidated on every load, so
 * a new release shows at once.
 */
function cacheControl(file: string): string {
  return /\.[0-9a-f]{8}\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the H5 build and passes `/api/*` to the API, so the app calls its own origin and works on
 * whatever ports the stack got.
 */
export function serveWeb(root: string, port: number, apiUrl: string): Promise<Server> {
  const base = resolve(root);
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: url.slice(4) || '/',
          headers: { ...req.headers, host: api.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({ error: { code: 'API_UNREACHABLE', message: '服务暂时连不上，请稍后重试' } }),
        );
      });
      req.pipe(upstream);
      return;
    }
    const pathname = decodeURIComponent(url.split('?')[0] ?? '/');
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // The build writes every text asset precompressed (config/index.ts): send the smallest one the
    // browser takes, as it is.
    const encoding = preferredEncoding(req.headers['accept-encoding'], file);
    const sent = encoding ? `${file}${ENCODINGS[encoding]}` : file;
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': cacheControl(file),
      'content-length': statSync(sent).size,
      vary: 'Accept-Encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    // A file removed mid-request (a rebuild of dist/h5) ends that answer, not the whole server.
    const stream = createReadStream(sent);
    stream.once('error', () => {
      if (!res.headersSent) res.writeHead(404);
      res.end();
    });
    stream.once('open', () => {
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
      } else stream.pipe(res);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}
