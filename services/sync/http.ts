/**
 * One HTTP(S) exchange with head office on node:http, over kept-alive connections (one agent per protocol),
 * taking gzipped answers (pull pages) and unpacking them on libuv's thread pool.
 * Not fetch: undici's fetch copies a request body and spends, here, ~1.3 ms more CPU than node:http on every
 * half-megabyte push batch — a fifth of what the counter spends on the batch altogether. Rejects with the
 * socket's own error (its `code`, ECONNRESET for a connection closed under the request) or, when `signal`
 * aborts, with an AbortError whose cause is the signal's reason. Runtime: Node.
 */
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/**
 * An idle connection is closed after 30 s, well before head office closes it (72 s): a request never leaves on
 * a connection the other side is closing, save in a race the transport retries (DroppedError).
 */
const IDLE_MS = 30_000;
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
} as const;

export interface HttpAnswer {
  readonly status: number;
  /** A 2xx status. */
  readonly ok: boolean;
  /** A response header's value (the first, for a repeated one). */
  header(name: string): string | null;
  readonly text: string;
}

export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** The body, in pieces written one after the other. */
  readonly body?: readonly Buffer[];
  readonly signal: AbortSignal;
}

export function httpRequest(url: URL, call: HttpCall): Promise<HttpAnswer> {
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  if (url.protocol !== protocol) return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  const send = protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: call.method,
        agent: AGENTS[protocol],
        signal: call.signal,
        // Pull pages come gzipped (a bootstrap moves a tenth of the bytes); unpacked off the event loop below.
        headers: {
          'accept-encoding': 'gzip',
          ...call.headers,
          ...(call.body ? { 'content-length': String(call.body.reduce((n, c) => n + c.byteLength, 0)) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const cutOff = () => reject(Object.assign(new Error('response cut off'), { code: 'ECONNRESET' }));
        res.on('error', reject);
        res.on('close', () => {
          if (!res.complete) cutOff();
        });
        res.on('end', () => {
          if (!res.complete) return cutOff();
          const headers = res.headers;
          const status = res.statusCode ?? 0;
          const raw = Buffer.concat(chunks);
          const body = headers['content-encoding'] === 'gzip' ? gunzipAsync(raw) : Promise.resolve(raw);
          body.then(
            (bytes) =>
              resolve({
                status,
                ok: status >= 200 && status < 300,
                header: (name) => {
                  const v = headers[name.toLowerCase()];
                  return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
                },
                text: bytes.toString('utf8'),
              }),
            // A gzip stream cut or garbled on the way: as a connection cut off (the transport may retry).
            (err: Error) => reject(Object.assign(err, { code: 'ECONNRESET' })),
          );
        });
      },
    );
    req.on('error', reject);
    for (const c of call.body ?? []) req.write(c);
    req.end();
  });
}
