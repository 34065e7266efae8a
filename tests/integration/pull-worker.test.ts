/**
 * The pull worker: a long pull's pages are fetched, validated and prepared in a worker thread — from the
 * sources (tsx) and from the bundles (out/electron/ and out/cli/pull-worker.cjs, built here) — with head office's
 * refusals arriving as the same stable errors; a worker that cannot start is reported as such, so the pull
 * goes on in the counter's own thread.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { getSyncState } from '../../db';
import { App } from '../../services/app';
import { initializeCounter } from '../../services/setup/initialize';
import { loadDeviceKey, newDeviceKey } from '../../services/sync/device-key';
import { enrollCounter } from '../../services/sync/enroll';
import { lastPull } from '../../services/sync/pull';
import { startPullWorker, WorkerUnavailable } from '../../services/sync/pull-worker-host';
import { runSync } from '../../services/sync/run-sync';
import { SyncClient } from '../../services/sync/transport';
import { seedHall } from '../sim/bench-bootstrap';
import { tempDir } from '../support/app';
import { registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';

const root = fileURLToPath(new URL('../..', import.meta.url));
let ho: TestHeadOffice;
let app: App;

function clientOf(a: App) {
  const state = getSyncState(a.gdb.sqlite)!;
  const key = loadDeviceKey(a, state.publicKey, a.keyProtector);
  const client = new SyncClient({
    baseUrl: state.serverUrl,
    counterId: a.counter()!.counterId,
    key,
    now: Date.now,
    clockOffsetMs: 0,
  });
  return { client, key: { publicKey: key.publicKey, privateKey: key.privateKey! } };
}

beforeAll(async () => {
  ho = await startHeadOffice();
  const code = await registerCounter(ho, '0198', '01');
  await seedHall(ho.store, '0198', 3_000);
  app = new App({ dataDir: tempDir('gasdesk-pullw-', { shared: true }) });
  await initializeCounter(app, {
    hallCode: '0198',
    hallName: '测试营业厅',
    counterCode: '01',
    counterName: '1号窗口',
    admin: { username: 'admin', displayName: '管理员', password: 'pullw-pass-1234' },
  });
  await enrollCounter(app, { server: ho.url, code });
}, 60_000);
afterAll(async () => {
  app?.close();
  await ho?.close();
});

/** One build of the bundles (the current sources) for the tests that run them. */
let building: Promise<unknown> | undefined;
async function built() {
  // @ts-expect-error: the build script is plain JavaScript
  const { buildAll } = await import('../../build/build.js');
  building ??= buildAll({ skipRenderer: true });
  await building;
}

describe('the pull worker', () => {
  it('prepares every page after the first of a long pull, from the sources', async () => {
    const r = await runSync(app, { pullLimit: 500 });
    expect(r).toMatchObject({ ok: true, pulled: 3_000 });
    expect(lastPull).toMatchObject({ pages: 6, fromWorker: 5 });
    const n = app.gdb.sqlite.prepare('SELECT count(*) AS n FROM customers').pluck().get();
    expect(n).toBe(3_000);
  }, 60_000);

  it.each([
    ['the desktop bundle', 'out/electron/pull-worker.cjs'],
    ['the gasdesk command’s bundle', 'out/cli/pull-worker.cjs'],
  ])(
    'runs from %s: pages in order, prepared, the cursor moving on',
    async (_, script) => {
      await built();
      const { client, key } = clientOf(app);
      const stream = startPullWorker(client, key, {
        cursor: 0,
        limit: 1_000,
        clockSkewMs: 0,
        script: join(root, script),
      });
      try {
        const pages = [await stream.next(), await stream.next(), await stream.next()];
        expect(pages.map((p) => [p.entries.length, p.more])).toEqual([
          [1_000, true],
          [1_000, true],
          [1_000, false],
        ]);
        expect(pages[0]!.cursor).toBeLessThan(pages[1]!.cursor);
        const first = pages[0]!.entries[0]!;
        expect(first.kind).toBe('customer');
        expect('customer' in first && first.customer.index.address).toContain('街道');
      } finally {
        await stream.close();
      }
    },
    60_000,
  );

  it('says it is unavailable when it cannot start, and passes head office’s refusals on as they are', async () => {
    const { client, key } = clientOf(app);
    const missing = startPullWorker(client, key, {
      cursor: 0,
      limit: 100,
      clockSkewMs: 0,
      script: join(root, 'out/electron/no-such-worker.cjs'),
    });
    await expect(missing.next()).rejects.toBeInstanceOf(WorkerUnavailable);
    await missing.close();
    const other = newDeviceKey(); // a key head office never saw
    const forged = startPullWorker(
      client,
      { publicKey: key.publicKey, privateKey: other.privateKey! },
      { cursor: 0, limit: 100, clockSkewMs: 0 },
    );
    const e = await forged.next().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('SYNC_BAD_SIGNATURE');
    await forged.close();
  }, 60_000);
});
