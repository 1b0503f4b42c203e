/**
 * The H5 static server sends the precompressed file the browser accepts, and lets browsers keep hashed files
 * for a year while the page itself is revalidated (what docs/deploy.md asks of a production host).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { freePort } from '../../scripts/lib/ports';
import { preferredEncoding, serveWeb } from '../../scripts/lib/web-server';

const SCRIPT = `console.log(${JSON.stringify('四平'.repeat(200))});`;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-web-'));
  mkdirSync(join(dir, 'js'));
  const page = '<!doctype html><title>四平职教通</title>';
  const files: Record<string, string | Buffer> = {
    'index.html': page,
    'index.html.br': brotliCompressSync(page),
    'index.html.gz': gzipSync(page),
    'js/app.0123abcd.js': SCRIPT,
    'js/app.0123abcd.js.br': brotliCompressSync(SCRIPT),
    'js/app.0123abcd.js.gz': gzipSync(SCRIPT),
    'prefetch.json': '["js/app.0123abcd.js"]',
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const port = await freePort();
  server = await serveWeb(dir, port, 'http://127.0.0.1:9');
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function fetchRaw(path: string, acceptEncoding?: string): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('sends the brotli file to a browser that accepts br, with its length and Vary', async () => {
  const { res, body } = await fetchRaw('/js/app.0123abcd.js', 'gzip, deflate, br, zstd');
  expect(res.headers['content-encoding']).toBe('br');
  expect(res.headers.vary).toBe('Accept-Encoding');
  expect(Number(res.headers['content-length'])).toBe(body.length);
  expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
  expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
});

test('sends gzip where br is refused, and the plain file where nothing is accepted', async () => {
  const gzip = await fetchRaw('/js/app.0123abcd.js', 'br;q=0, gzip');
  expect(gzip.res.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

  const plain = await fetchRaw('/js/app.0123abcd.js');
  expect(plain.res.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(SCRIPT);
});

test('hashed files are kept a year; the page and prefetch.json are revalidated', async () => {
  const script = await fetchRaw('/js/app.0123abcd.js', 'br');
  expect(script.res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  const page = await fetchRaw('/', 'br');
  expect(page.res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(page.res.headers['cache-control']).toBe('no-cache');
  expect(brotliDecompressSync(page.body).toString()).toContain('四平职教通');
  const manifest = await fetchRaw('/prefetch.json', 'br');
  expect(manifest.res.headers['content-encoding']).toBeUndefined();
  expect(manifest.res.headers['cache-control']).toBe('no-cache');
});

test('preferredEncoding reads q-values and wildcards, and needs the precompressed file to exist', () => {
  const file = join(dir, 'js/app.0123abcd.js');
  expect(preferredEncoding('gzip, br', file)).toBe('br');
  expect(preferredEncoding('br;q=0, gzip;q=0.5', file)).toBe('gzip');
  expect(preferredEncoding('*', file)).toBe('br');
  expect(preferredEncoding('identity', file)).toBeUndefined();
  expect(preferredEncoding('br', join(dir, 'prefetch.json'))).toBeUndefined();
});
