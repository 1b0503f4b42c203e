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
    // Hashed assets may be cached; the page itself must always be fresh.
    const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600';
    // A file removed mid-request (a rebuild of dist/h5) ends that answer, not the whole server.
    const stream = createReadStream(file);
    stream.once('error', () => {
      if (!res.headersSent) res.writeHead(404);
      res.end();
    });
    stream.once('open', () => {
      res.writeHead(200, { 'content-type': type, 'cache-control': cache });
      stream.pipe(res);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}
