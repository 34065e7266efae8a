/**
 * Sync under faults (reliability.md 6, 9, 11): head office killed with SIGKILL mid-batch, the counter killed
 * mid-sync, two syncs of one counter at once, an answer lost after head office committed, a partition that
 * heals (the outbox drains without anyone clicking), a hung link (the watchdog), and clocks ±24 h off.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../core/sync/canonical';
import { App } from '../../services/app';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { initializeCounter } from '../../services/setup/initialize';
import { syncEngine } from '../../services/sync/engine';
import { enrollCounter } from '../../services/sync/enroll';
import { encodeBatch, pushPipelined } from '../../services/sync/push-pipeline';
import { runSync } from '../../services/sync/run-sync';
import { migrateServer } from '../../server/pg/migrate';
import { openStore } from '../../server/pg/store';
import { enrollDevice } from '../sim/bench-push';
import { SimCounter } from '../sim/sim-counter';
import { syntheticOutbox } from '../sim/synthetic-ops';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { spawnHeadOffice } from '../support/head-office-process';
import { FaultyProxy } from '../support/proxy';
import { ROOT } from '../support/socat';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = mulberry32(11);
/** A household with no meter and no safety issue (its purchases need no approval). */
const household = (i: number) => {
  const h = fakeHousehold(rand, 800 + i);
  return { ...h, meters: [], inspection: { status: 'normal' as const, date: h.inspection.date } };
};

/** Every op 1..n stored once, in order, each linked to the one before. */
async function chainAtHeadOffice(q: { query: TestHeadOffice['store']['query'] }, counterId: string) {
  const rows = await q.query<{ seq: number; hash: string; prev_hash: string }>(
    'SELECT seq, hash, prev_hash FROM ops WHERE counter_id = $1 ORDER BY seq',
    [counterId],
  );
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prev_hash).toBe(prev);
    prev = r.hash;
  });
  return rows.length;
}

describe('head office killed (SIGKILL) mid-batch', () => {
  it('loses nothing and stores nothing twice: the counter resumes where head office’s commit says', async () => {
    const dataDir = tempDir('gasdesk-ho-kill-');
    let ho = await spawnHeadOffice({ dataDir });
    const pv = (await publishDemoCatalogue(ho)).residential;
    const proxy = await new FaultyProxy({ host: '127.0.0.1', port: Number(new URL(ho.url).port) }).start();
    try {
      const dev = await enrollDevice(
        { url: proxy.url, admin: ho.admin } as unknown as TestHeadOffice,
        '0101',
        '01',
      );
      const ops = syntheticOutbox(dev.counterId, 6_000, { priceVersionId: pv });
      let acked = 0;
      let kills = 0;
      const attempt = () =>
        pushPipelined(dev.client, {
          acked,
          next: (a) => encodeBatch(ops.slice(a, a + 250)),
          onAck: (r) => {
            acked = Math.max(acked, r.ackedSeq);
          },
          onRewind: (s) => {
            acked = s;
          },
        });
      const first = attempt().catch(() => 'failed');
      while (acked < 500) await sleep(5);
      await ho.stop('SIGKILL'); // a batch is in flight or about to be
      kills++;
      expect(await first).toBe('failed');
      ho = await spawnHeadOffice({ dataDir });
      proxy.retarget(Number(new URL(ho.url).port));
      await attempt();
      expect(acked).toBe(6_000);
      expect(kills).toBe(1);
    } finally {
      await ho.stop();
      await proxy.close();
    }
    const store = await openStore({ dataDir });
    try {
      await migrateServer(store);
      const [{ counter_id }] = (await store.query<{ counter_id: string }>(
        'SELECT counter_id FROM ops LIMIT 1',
      )) as [{ counter_id: string }];
      expect(await chainAtHeadOffice(store, counter_id)).toBe(6_000);
      expect((await store.query<{ n: number }>('SELECT sum(count)::int AS n FROM day_digests'))[0]!.n).toBe(
        6_000,
      );
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('the counter, its network and its clock', () => {
  let ho: TestHeadOffice;
  let pv: string;
  beforeAll(async () => {
    ho = await startHeadOffice();
    pv = (await publishDemoCatalogue(ho)).residential;
  });
  afterAll(async () => ho?.close());

  it('a counter killed (SIGKILL) mid-sync finishes at the next sync, nothing lost or doubled', async () => {
    const dir = tempDir('gasdesk-counter-kill-');
    const proxy = await new FaultyProxy({ host: '127.0.0.1', port: Number(new URL(ho.url).port) }).start();
    try {
      const app = new App({ dataDir: dir });
      await initializeCounter(app, {
        hallCode: '0102',
        hallName: '西门营业厅',
        counterCode: '01',
        counterName: '1号窗口',
        admin: { username: 'admin', displayName: '管理员', password: 'kill-test-1234' },
      });
      await enrollCounter(app, { server: proxy.url, code: await registerCounter(ho, '0102', '01') });
      app.transaction(() => {
        for (let i = 0; i < 8_000; i++)
          app.ledger().append({
            type: 'receipt.reprinted',
            payload: { kind: '模拟业务'.repeat(20), docId: `doc-${i}`, copyNo: 2 },
            operatorId: 'op',
            audit: { action: 'receipt.reprinted', summary: '测试' },
          });
      });
      const counterId = app.counter()!.counterId;
      app.close();
      proxy.faults = { ...proxy.faults, delayMs: [30, 60] };
      const child = spawn(process.execPath, [join(ROOT, 'cli/bin/gasdesk.js'), 'sync', '--data', dir], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      for (let i = 0; i < 400; i++) {
        const [row] = await ho.store.query<{ head_seq: number }>(
          'SELECT head_seq FROM counters WHERE counter_id = $1',
          [counterId],
        );
        if ((row?.head_seq ?? 0) > 0) break;
        await sleep(25);
      }
      child.kill('SIGKILL');
      await exited;
      const [mid] = await ho.store.query<{ head_seq: number }>(
        'SELECT head_seq FROM counters WHERE counter_id = $1',
        [counterId],
      );
      expect(mid!.head_seq).toBeGreaterThan(0);
      expect(mid!.head_seq).toBeLessThan(8_002);
      proxy.faults = { ...proxy.faults, delayMs: [0, 0] };
      const again = new App({ dataDir: dir });
      try {
        expect((await runSync(again)).ok).toBe(true);
        const last = (again.gdb.sqlite.prepare('SELECT max(seq) AS n FROM outbox').get() as { n: number }).n;
        expect(await chainAtHeadOffice(ho.store, counterId)).toBe(last);
        expect(
          (again.gdb.sqlite.prepare('SELECT acked_seq AS n FROM sync_state').get() as { n: number }).n,
        ).toBe(last);
      } finally {
        again.close();
      }
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('two pushers of one outbox at once store it once, in order', async () => {
    const dev = await enrollDevice(ho, '0104', '01');
    const ops = syntheticOutbox(dev.counterId, 3_000, { priceVersionId: pv });
    const run = () =>
      pushPipelined(dev.client, {
        acked: 0,
        next: (a) => encodeBatch(ops.slice(a, a + 200)),
        onAck: () => {},
        onRewind: () => {},
      });
    expect(await Promise.all([run(), run()])).toEqual([3_000, 3_000]);
    expect(await chainAtHeadOffice(ho.store, dev.counterId)).toBe(3_000);
  }, 60_000);
});

describe('a counter behind a faulty link, with a wrong clock', () => {
  let ho: TestHeadOffice;
  let proxy: FaultyProxy;
  let c: SimCounter;
  let skew = 0;
  const pending = () => c.count('SELECT max(seq) - (SELECT acked_seq FROM sync_state) AS n FROM outbox');
  const counterId = () => c.app.counter()!.counterId;

  beforeAll(async () => {
    ho = await startHeadOffice();
    proxy = await new FaultyProxy({ host: '127.0.0.1', port: Number(new URL(ho.url).port) }, 7).start();
    c = await SimCounter.create(8, tempDir('gasdesk-link-', { shared: true }), () => Date.now() + skew);
    await c.ok(
      'sync.enroll',
      { server: proxy.url, code: await registerCounter(ho, '0101', '09') },
      c.adminSid,
    );
    await publishDemoCatalogue(ho);
    expect((await runSync(c.app)).ok).toBe(true); // the prices head office sells at
  }, 60_000);
  afterAll(async () => {
    syncEngine(c.app).stop();
    c?.close();
    await proxy?.close();
    await ho?.close();
  });

  it('an answer lost after head office committed changes nothing when retried', async () => {
    await c.ok('customers.open', household(5), c.adminSid);
    proxy.faults = { ...proxy.faults, loseResponse: 1 };
    const lost = await runSync(c.app);
    expect(lost.error?.code).toBe('SYNC_UNREACHABLE');
    expect(proxy.stats.lostResponses).toBeGreaterThan(0);
    proxy.faults = { ...proxy.faults, loseResponse: 0 };
    expect((await runSync(c.app)).ok).toBe(true);
    expect(pending()).toBe(0);
    expect(await chainAtHeadOffice(ho.store, counterId())).toBe(c.count('SELECT max(seq) AS n FROM outbox'));
  });

  it('two syncs at once on one counter: the second joins the first', async () => {
    const engine = syncEngine(c.app);
    const p1 = engine.run();
    const p2 = engine.run();
    expect(p1).toBe(p2);
    const [r1, r2] = await Promise.all([
      c.ok('sync.now', {}, c.adminSid),
      c.ok('sync.now', {}, c.cashierSid),
    ]);
    expect(r1).toEqual(r2);
    expect((await p1).ok).toBe(true);
  });

  it('drains by itself once a partition heals (probe, then sync at once)', async () => {
    await c.ok('customers.open', household(6), c.adminSid);
    proxy.partition(true);
    const engine = syncEngine(c.app);
    engine.start({ probeMs: 100, backoffBaseMs: 60_000, intervalMs: 3_600_000, random: () => 0.5 });
    for (
      let i = 0;
      i < 100 && (await c.ok('sync.status', {}, c.adminSid)).lastError?.code !== 'SYNC_UNREACHABLE';
      i++
    )
      await sleep(50);
    expect(pending()).toBeGreaterThan(0);
    expect((await c.ok('sync.status', {}, c.adminSid)).nextRunAt).not.toBeNull();
    proxy.partition(false);
    for (let i = 0; i < 100 && pending() > 0; i++) await sleep(50);
    expect(pending()).toBe(0);
    engine.stop();
  });

  it('a hung link is cut by the watchdog, and the sync is reported failed', async () => {
    const engine = syncEngine(c.app);
    // A sync the previous test's schedule started may still be finishing; this one must be a fresh run.
    for (let i = 0; i < 200 && engine.running; i++) await sleep(50);
    expect(engine.running).toBe(false);
    engine.configure({ watchdogMs: 300 });
    proxy.faults = { ...proxy.faults, delayMs: [2_000, 2_000] };
    const r = await engine.run();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('SYNC_UNREACHABLE');
    expect(engine.watchdogFired).toBeGreaterThan(0);
    proxy.faults = { ...proxy.faults, delayMs: [0, 0] };
    engine.configure({ watchdogMs: 120_000 });
  });

  it('a clock 24 h ahead or behind never stops a sale or a sync; head office flags the skew', async () => {
    for (const s of [24 * 3_600_000, -24 * 3_600_000]) {
      skew = s;
      const x = await c.ok('customers.open', household(s > 0 ? 7 : 8), c.adminSid);
      const open = await c.call('shifts.open', { float: 10_000 }, c.cashierSid);
      if (!open.ok) expect(open.error.code).toBe('SHIFT_ALREADY_OPEN');
      const q = await c.ok('sales.quote', { customerId: x.id, by: 'volume', volume: 500 }, c.cashierSid);
      await c.ok(
        'sales.sellGas',
        {
          purchase: { customerId: x.id, by: 'volume', volume: 500 },
          expectedAmountDue: q.amountDue,
          tenders: [{ method: 'cash', amount: q.amountDue }],
        },
        c.cashierSid,
      );
      const r = await runSync(c.app);
      expect(r.ok).toBe(true);
      const flagged = (await ho.admin('GET', '/admin/counters')).counters.find(
        (k: { counterId: string }) => k.counterId === counterId(),
      );
      expect(Math.abs(flagged.clockSkewMs - s)).toBeLessThan(10_000);
      expect(flagged.clockSkewed).toBe(true);
      expect(Math.abs((await c.ok('sync.status', {}, c.adminSid)).clockOffsetMs! - s)).toBeLessThan(10_000);
      expect(pending()).toBe(0);
    }
  });
});
