import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded text (a gzipped answer is unzipped after the clock stops). */
  body: string;
  /** Bytes of the body on the wire. */
  wireBytes: number;
  /** From writing the request to the last byte of the body. */
  ms: number;
}

export interface Client {
  send(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: unknown; token?: string },
  ): Promise<Answer>;
  close(): void;
}

/** A keep-alive HTTP/1.1 client with up to `sockets` connections: the latency figures time only the server. */
export function httpClient(baseUrl: string, sockets = 64): Client {
  const base = new URL(baseUrl);
  // Idle sockets close on our side after 2 s, before the server's keep-alive timeout (5 s) can race us.
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 2000 });
  return {
    send(method, path, options = {}) {
      const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      };
      const attempt = (retried: boolean) =>
        new Promise<Answer>((resolve, reject) => {
          const started = performance.now();
          const req = request(
            { host: base.hostname, port: base.port, method, path, headers, agent },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => {
                const ms = performance.now() - started;
                const wire = Buffer.concat(chunks);
                const zipped = res.headers['content-encoding'] === 'gzip';
                resolve({
                  status: res.statusCode ?? 0,
                  headers: res.headers,
                  body: (zipped ? gunzipSync(wire) : wire).toString('utf8'),
                  wireBytes: wire.length,
                  ms,
                });
              });
              res.on('error', reject);
            },
          );
          // A kept-alive socket the server closed as we picked it: Node's documented case for one retry.
          req.on('error', (err: NodeJS.ErrnoException) => {
            if (!retried && req.reusedSocket && err.code === 'ECONNRESET') resolve(attempt(true));
            else reject(err);
          });
          req.end(payload);
        });
      return attempt(false);
    },
    close: () => agent.destroy(),
  };
}

export function json<T>(answer: Answer): T {
  return JSON.parse(answer.body) as T;
}

/**
 * The status API Gateway would have sent. serverless-offline answers a handler that threw or ran past its
 * timeout with HTTP 200 and `{"errorMessage":"[504] - Lambda timeout.","errorType":…}`: those count as
 * the 504 (or 502) they would be on AWS, never as a success.
 */
export function gatewayStatus(answer: Pick<Answer, 'status' | 'body'>): number {
  if (answer.status !== 200 || !answer.body.startsWith('{"errorMessage"')) return answer.status;
  return /^\{"errorMessage":"\[504\]/.test(answer.body) ? 504 : 502;
}
