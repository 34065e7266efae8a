import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { HEADERS } from '../../core/sync/signing';
import { EncodedJson, SyncClient } from './transport';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/**
 * A server that closes the connection of the second request it receives, answering nothing (or, `cutAnswer`,
 * after the headers and half the body of an answer); it keeps every request's body.
 */
async function closingServer(cutAnswer = false) {
  const seen: IncomingMessage[] = [];
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.setHeader('content-type', 'application/json');
      if (seen.length === 2 && !cutAnswer) {
        req.socket.destroy();
        return;
      }
      if (seen.length === 2) {
        res.setHeader('content-length', '11');
        res.flushHeaders();
        res.write('{"ok":');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, bodies };
}

const client = (baseUrl: string, signed: string[] = []) =>
  new SyncClient({
    baseUrl,
    counterId: 'c1',
    key: {
      publicKey: 'k',
      sign: (m: string) => {
        signed.push(m);
        return 'sig';
      },
    },
    now: Date.now,
    clockOffsetMs: 0,
  });

describe('the sync transport', () => {
  it('sends a request again, signed afresh, when its kept-alive connection is closed under it', async () => {
    const s = await closingServer();
    const c = client(s.url);
    expect((await c.request('GET', '/v1/status')).body).toEqual({ ok: true });
    // The server closes the second request's connection without an answer: it is sent again, on a new one.
    expect((await c.request('POST', '/v1/push', { ops: [] })).body).toEqual({ ok: true });
    expect(s.seen).toHaveLength(3);
    const nonces = s.seen.map((r) => r.headers[HEADERS.nonce]);
    expect(new Set(nonces).size).toBe(3);
    expect(s.seen[2]!.headers[HEADERS.signature]).toBe('sig');
  });

  it('takes an answer cut off after its headers for none, and sends the request again', async () => {
    const s = await closingServer(true);
    const c = client(s.url);
    await c.request('GET', '/v1/status');
    expect((await c.request('POST', '/v1/push', { ops: [] })).body).toEqual({ ok: true });
    expect(s.seen).toHaveLength(3);
  });

  it('sends a body already encoded as its bytes, piece after piece, and signs their hash', async () => {
    const s = await closingServer();
    const signed: string[] = [];
    const bytes = Buffer.from('{"ops":[{"payload":"王芳 \\u0001"}]}');
    await client(s.url, signed).request('GET', '/v1/status');
    const pieces = [bytes.subarray(0, 7), new Uint8Array(bytes.subarray(7, 20)), bytes.subarray(20)];
    await client(s.url, signed).request('POST', '/v1/push', new EncodedJson(pieces));
    // The second request was dropped and sent again: both times the same bytes, each signed over their hash.
    expect(s.bodies.slice(1)).toEqual([bytes, bytes]);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(signed.slice(1).every((m) => m.includes(hash))).toBe(true);
    expect(signed).toHaveLength(3);
  });

  it('does not repeat a request head office never received', async () => {
    const s = await closingServer();
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    const e = await client(s.url)
      .request('GET', '/v1/status')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('SYNC_UNREACHABLE');
    expect(s.seen).toHaveLength(0);
  });
});
