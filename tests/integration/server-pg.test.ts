/**
 * Head office on PostgreSQL (DATABASE_URL; skipped without it), two instances on one fresh database: they
 * migrate together, share counters, keys and nonces, and a seeded simulation whose connections alternate
 * between them — through the faulty proxy — loses, duplicates and reorders nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice } from '../sim/bench-push';
import { checkWorld } from '../sim/checks';
import { runSimulation, simClock } from '../sim/simulation';
import { syntheticOutbox } from '../sim/synthetic-ops';
import { tempDir } from '../support/app';
import {
  freshPostgres,
  publishDemoCatalogue,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { resend, signed } from '../support/signed';

const PG = Boolean(process.env.DATABASE_URL);

describe.skipIf(!PG)('two head-office instances on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  let one: TestHeadOffice;
  let two: TestHeadOffice;
  let pv: string;

  beforeAll(async () => {
    db = await freshPostgres();
    [one, two] = await Promise.all([
      startHeadOffice({ url: db!.url, now: () => simClock.ms }),
      startHeadOffice({ url: db!.url, now: () => simClock.ms }),
    ]);
    pv = (await publishDemoCatalogue(one)).residential;
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('behave as one: an enrollment, a nonce, a revocation made on one hold on the other', async () => {
    simClock.ms = Date.now();
    expect(
      (await one.store.query<{ n: number }>('SELECT count(*)::int AS n FROM _ho_migrations'))[0]!.n,
    ).toBeGreaterThan(0);
    const dev = await enrollDevice(one, '0201', '01');
    const ops = syntheticOutbox(dev.counterId, 50, { priceVersionId: pv });
    const r = await signed(two.url, dev, 'POST', '/v1/push', { ops });
    expect(r.body.ackedSeq).toBe(50);
    const replay = await resend(one.url, r.sent);
    expect(replay.body.code).toBe('SYNC_REPLAYED');
    const both = await Promise.all([
      signed(one.url, dev, 'POST', '/v1/push', {
        ops: syntheticOutbox(dev.counterId, 80, { priceVersionId: pv }).slice(50),
      }),
      signed(two.url, dev, 'POST', '/v1/push', {
        ops: syntheticOutbox(dev.counterId, 80, { priceVersionId: pv }).slice(50),
      }),
    ]);
    expect(both.map((b) => b.body.ackedSeq ?? b.body)).toEqual([80, 80]);
    expect(
      (
        await one.store.query<{ n: number }>('SELECT count(*)::int AS n FROM ops WHERE counter_id = $1', [
          dev.counterId,
        ])
      )[0]!.n,
    ).toBe(80);
    const slot = (await two.admin('GET', '/admin/counters')).counters.find(
      (c: { counterId: string }) => c.counterId === dev.counterId,
    ).slotId;
    await two.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '更换电脑' });
    expect((await signed(one.url, dev, 'GET', '/v1/status')).body.code).toBe('COUNTER_REVOKED');
  });

  it('a seeded simulation across both instances and the faulty proxy keeps every invariant', async () => {
    const world = await runSimulation({
      seed: 77,
      counters: 6,
      days: 2,
      opsPerDay: 8,
      sharedCustomers: 12,
      conflicts: 3,
      faults: {
        refuse: 0.05,
        delayMs: [0, 20],
        cutRequest: 0.05,
        duplicate: 0.1,
        loseResponse: 0.1,
        cutResponse: 0.05,
      },
      root: tempDir('gasdesk-pg-sim-'),
      headOffice: one,
      otherInstances: [Number(new URL(two.url).port)],
    });
    try {
      const report = await checkWorld(world, one);
      expect(report).toMatchObject({
        lost: 0,
        duplicated: 0,
        orderViolations: 0,
        brokenChains: 0,
        notConverged: 0,
        digestMismatches: 0,
        ledgersOk: true,
      });
      expect(report.opsAtHeadOffice).toBe(report.opsAtCounters);
      expect(report.conflictsSurfaced).toBe(report.conflictsInjected);
      expect(report.injectedFound).toBe(report.conflictsInjected);
    } finally {
      for (const c of world.counters) c.close();
      await world.proxy.close();
    }
  }, 180_000);
});
