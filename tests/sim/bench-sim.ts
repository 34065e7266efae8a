/** The seeded simulation at full size for `npm run bench -- sync sim [DAYS]`. */
import { startHeadOffice } from '../support/head-office';
import { checkWorld, type SimReport } from './checks';
import { runSimulation, simClock } from './simulation';

export async function benchSimulation(
  root: string,
  days: number,
): Promise<{ report: SimReport; seconds: number }> {
  const t0 = performance.now();
  const ho = await startHeadOffice({ dataDir: `${root}/head-office`, now: () => simClock.ms });
  const seed = Number(process.env.GASDESK_SIM_SEED ?? 20260302);
  const world = await runSimulation({
    seed,
    counters: Number(process.env.GASDESK_SIM_COUNTERS ?? 20),
    days,
    opsPerDay: 40,
    sharedCustomers: 200,
    conflicts: 30,
    skews: { 3: 24 * 3_600_000, 7: -24 * 3_600_000 },
    faults: {
      refuse: 0.05,
      delayMs: [0, 40],
      cutRequest: 0.05,
      duplicate: 0.1,
      loseResponse: 0.1,
      cutResponse: 0.05,
    },
    root,
    headOffice: ho,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const report = await checkWorld(world, ho);
  for (const c of world.counters) c.close();
  await world.proxy.close();
  await ho.close();
  return { report, seconds: (performance.now() - t0) / 1000 };
}
