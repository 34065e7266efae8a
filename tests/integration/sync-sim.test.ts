/**
 * The seeded simulation at CI size: 20 counters offline for a few days, reconnecting together through the
 * faulty proxy. The full size (14 days) runs with `npm run bench -- sync sim`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { checkWorld, type SimReport } from '../sim/checks';
import { runSimulation, simClock, type SimWorld } from '../sim/simulation';

const SEED = Number(process.env.GASDESK_SIM_SEED ?? 20260302);

describe(`seeded simulation (seed ${SEED})`, () => {
  let ho: TestHeadOffice;
  let world: SimWorld;
  let report: SimReport;

  beforeAll(async () => {
    ho = await startHeadOffice({ now: () => simClock.ms });
    world = await runSimulation({
      seed: SEED,
      counters: 20,
      days: 3,
      opsPerDay: 10,
      sharedCustomers: 30,
      conflicts: 6,
      skews: { 3: 24 * 3_600_000, 7: -24 * 3_600_000 },
      faults: {
        refuse: 0.05,
        delayMs: [0, 30],
        cutRequest: 0.05,
        duplicate: 0.1,
        loseResponse: 0.1,
        cutResponse: 0.05,
      },
      root: tempDir('gasdesk-sim-', { shared: true }),
      headOffice: ho,
      log: (m) => process.env.GASDESK_SIM_LOG && process.stderr.write(`${m}\n`),
    });
    report = await checkWorld(world, ho);
    if (process.env.GASDESK_SIM_LOG) process.stderr.write(`${JSON.stringify(report)}\n`);
  }, 240_000);

  afterAll(async () => {
    for (const c of world?.counters ?? []) c.close();
    await world?.proxy.close();
    await ho?.close();
  });

  it('loses nothing, duplicates nothing, keeps every counter’s order and chain', () => {
    expect(report.opsAtCounters).toBeGreaterThan(500);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.opsAtHeadOffice).toBe(report.opsAtCounters);
    expect(report.orderViolations).toBe(0);
    expect(report.brokenChains).toBe(0);
    expect(report.ledgersOk).toBe(true);
  });

  it('brings every counter’s acceptances, complaints, appointments, work orders, inspections and 零散报装 to head office once, each complaint closed with its 回访', () => {
    expect(report.serviceAtCounters).toBe(20 * 3 * 6);
    expect(report.serviceAtHeadOffice).toBe(report.serviceAtCounters);
    expect(report.complaintsClosedAtHeadOffice).toBe(20 * 3);
    expect(report.workOrdersCompletedAtHeadOffice).toBe(20 * 3);
    expect(report.inspectionsRectifiedAtHeadOffice).toBe(20 * 3);
  });

  it('brings every counter’s 零散报装 with each step and its photo to head office once', () => {
    // Each counter-day: 受理 and 查勘, then 撤销 (every other one) or 方案与收费 and 施工.
    expect(report.installationsAtCounters).toBe(20 * 3);
    expect(report.installationStepsAtCounters).toBe(20 * 3 + 30 * 1 + 30 * 2);
    expect(report.installationsAtHeadOffice).toBe(report.installationsAtCounters);
    expect(report.installationStepsAtHeadOffice).toBe(report.installationStepsAtCounters);
    expect(report.attachmentsAtCounters).toBe(20 * 3);
    expect(report.attachmentsConfirmed).toBe(report.attachmentsAtCounters);
    expect(report.attachmentsAtHeadOffice).toBe(report.attachmentsAtCounters);
  });

  it('really went through the faults', () => {
    const s = world.proxy.stats;
    expect(s.lostResponses + s.cutRequests + s.refused + s.duplicated).toBeGreaterThan(0);
  });

  it('converges every counter on head office’s customer file and balances', () => {
    expect(report.withBalance).toBeGreaterThan(0);
    expect(report.notConverged).toBe(0);
  });

  it('surfaces exactly the injected conflicts, and reconciles every day', () => {
    expect(report.unexpectedConflicts).toEqual([]);
    expect(report.conflictsSurfaced).toBe(report.conflictsInjected);
    expect(report.injectedFound).toBe(report.conflictsInjected);
    expect(report.digestMismatches).toBe(0);
    expect(report.quarantined).toBe(0);
  });
});
