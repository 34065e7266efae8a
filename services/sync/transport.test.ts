import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { HEADERS } from '../../core/sync/signing';
import { SyncClient } from './transport';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that closes the connection of the second request it receives, answering nothing. */
async function closingServer() {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    if (seen.length === 2) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const client = (baseUrl: string) =>
  new SyncClient({
    baseUrl,
    counterId: 'c1',
    key: { publicKey: 'k', sign: () => 'sig' },
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
