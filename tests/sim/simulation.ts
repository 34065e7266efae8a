/**
 * The seeded simulation (reliability.md, "How trusted systems prove this"): N counters of one hall, each on its
 * own SQLite file, sync with head office on day 0 (shared customers), go offline for D days of realistic work
 * with conflicting changes injected by plan, then reconnect together through the faulty proxy. The same seed
 * replays the same days. checks.ts then proves: nothing lost, nothing duplicated, per-counter order kept,
 * every counter converged, and the conflicts surfaced are the conflicts injected.
 */
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollCounter } from '../../services/sync/enroll';
import { runSync } from '../../services/sync/run-sync';
import type { SyncRunResult } from '../../core/contract/sync';
import { publishDemoCatalogue, registerCounter, type TestHeadOffice } from '../support/head-office';
import { type Faults, FaultyProxy } from '../support/proxy';
import { type DayContext, type Injection, runDay } from './sim-day';
import { SimCounter } from './sim-counter';

export interface SimOptions {
  readonly seed: number;
  readonly counters: number;
  readonly days: number;
  readonly opsPerDay: number;
  readonly sharedCustomers: number;
  /** Conflicting pairs to inject (each: two counters change one shared customer's field differently). */
  readonly conflicts: number;
  readonly faults: Faults;
  readonly root: string;
  readonly headOffice: TestHeadOffice;
  /** Ports of more head-office instances on the same database: connections alternate between all of them. */
  readonly otherInstances?: number[];
  /** Skews (ms) of some counters' wall clocks, by counter index. */
  readonly skews?: Record<number, number>;
  readonly log?: (msg: string) => void;
}

export interface SimWorld {
  readonly counters: SimCounter[];
  readonly injections: Injection[];
  readonly proxy: FaultyProxy;
  readonly refusals: Map<string, number>;
  readonly syncAttempts: number;
  readonly failedAttempts: Map<string, number>;
}

export const SIM_START = Date.parse('2026-03-02T08:00:00+08:00');
const DAY = 86_400_000;

/** The simulation's wall clock; head office runs on it too (counters add their skew). */
export const simClock = { ms: SIM_START };

async function syncUntilDrained(
  c: SimCounter,
  attempts: { n: number; failed: Map<string, number> },
  maxAttempts = 200,
) {
  let last: SyncRunResult | undefined;
  for (let i = 0; i < maxAttempts; i++) {
    attempts.n++;
    last = await runSync(c.app, { timeoutMs: 20_000 });
    if (last.ok && c.count('SELECT max(seq) - (SELECT acked_seq FROM sync_state) AS n FROM outbox') === 0)
      return;
    if (!last.ok) attempts.failed.set(last.error!.code, (attempts.failed.get(last.error!.code) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
  }
  throw new Error(`counter ${c.code} did not drain: ${JSON.stringify(last)}`);
}

export async function runSimulation(o: SimOptions): Promise<SimWorld> {
  const log = o.log ?? (() => {});
  const rand = mulberry32(o.seed);
  const ho = o.headOffice;
  const port = Number(new URL(ho.url).port);
  const proxy = await new FaultyProxy({ host: '127.0.0.1', port }, o.seed).start();
  if (o.otherInstances?.length) proxy.alternate([port, ...o.otherInstances]);
  simClock.ms = SIM_START;
  const counters: SimCounter[] = [];
  for (let i = 0; i < o.counters; i++) {
    const skew = o.skews?.[i] ?? 0;
    counters.push(await SimCounter.create(i, o.root, () => simClock.ms + skew));
  }
  log(`${counters.length} counters set up`);
  await publishDemoCatalogue(ho);
  for (const c of counters) {
    const code = await registerCounter(ho, '0101', c.code);
    await enrollCounter(c.app, { server: proxy.url, code });
  }
  // Day 0, online: everyone pulls head office's prices; counter 1 opens the shared households; everyone syncs
  // twice (push, then pull them).
  const attempts = { n: 0, failed: new Map<string, number>() };
  await Promise.all(counters.map((c) => syncUntilDrained(c, attempts)));
  const first = counters[0]!;
  const shared: string[] = [];
  for (let k = 0; k < o.sharedCustomers; k++)
    shared.push((await first.ok('customers.open', { ...sharedHousehold(rand, k) }, first.adminSid)).id);
  for (const round of [0, 1]) {
    await Promise.all(counters.map((c) => syncUntilDrained(c, attempts)));
    log(`day 0 sync round ${round} done`);
  }
  // The plan: conflicting pairs on reserved shared customers, on random days, between random counters.
  const injections: Injection[] = [];
  for (let k = 0; k < o.conflicts; k++) {
    const a = Math.floor(rand() * o.counters);
    let b = Math.floor(rand() * (o.counters - 1));
    if (b >= a) b++;
    injections.push({
      day: 1 + Math.floor(rand() * o.days),
      customerId: shared[k]!,
      field: k % 3 === 2 ? 'status' : 'householdSize',
      counters: [a, b],
    });
  }
  const reserved = new Set(injections.map((i) => i.customerId));
  const pool = shared.filter((id) => !reserved.has(id));
  // Offline days.
  const refusals = new Map<string, number>();
  const contexts = counters.map(() => ({ local: [] as string[], opened: 0 }));
  for (let day = 1; day <= o.days; day++) {
    simClock.ms = SIM_START + day * DAY + 3_600_000;
    const date = new Date(simClock.ms + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const c of counters) {
      const ctx: DayContext = {
        rand,
        day,
        date,
        shared: pool,
        opsPerDay: o.opsPerDay,
        injections,
        refusals,
        ...contexts[c.index]!,
      };
      await runDay(c, ctx);
      contexts[c.index]!.opened = ctx.opened;
    }
    log(`day ${day} done`);
  }
  // Reconnect together through the faulty proxy, then once more without faults so everyone pulls everyone.
  simClock.ms = SIM_START + (o.days + 1) * DAY;
  proxy.faults = o.faults;
  await Promise.all(counters.map((c) => syncUntilDrained(c, attempts)));
  log(`reconnected through faults: ${JSON.stringify(proxy.stats)}`);
  proxy.faults = { ...proxy.faults, refuse: 0, cutRequest: 0, duplicate: 0, loseResponse: 0, cutResponse: 0 };
  for (let round = 0; round < 2; round++)
    await Promise.all(counters.map((c) => syncUntilDrained(c, attempts)));
  return { counters, injections, proxy, refusals, syncAttempts: attempts.n, failedAttempts: attempts.failed };
}

function sharedHousehold(rand: () => number, k: number) {
  const h = fakeHousehold(rand, 9_000_000 + k);
  return { ...h, inspection: { status: 'normal' as const, date: h.inspection.date } };
}
