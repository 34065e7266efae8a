/**
 * The many-counter push benchmark (bench/sync.ts `push50`): C counters (50), each a real counter database with
 * N synthetic operations (2,000) in its outbox and account numbers of its own hall and counter code, enrolled
 * at one head office in halls of H counters (10), push their whole outboxes at once over signed HTTP through the
 * real push (services/sync/push.ts), from W worker threads (10) of C/W counters each. Against: the same rows
 * inserted by C concurrent connections, each inserting its counter's rows in the same batches, one after the
 * other, into a copy of the ops table of the same database. Reported: ops/s over the whole run, and the p99 of
 * a batch's time (the push: from its sending to its acknowledgement; the baseline: its INSERT).
 */
import { join } from 'node:path';
import type { WireOp } from '../../core/sync/wire';
import { percentile } from '../../bench/support';
import {
  freshPostgres,
  publishDemoCatalogue,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { createOpsCopy, insertInBatches, type RunSql } from './bench-ops-copy';
import { BATCH, enrollDevice } from './bench-push';
import { type CounterSpec, counterSpec, outboxOf, readyPushers, seedCounters } from './counters';

export interface ManyCountersOptions {
  readonly counters: number;
  readonly opsPerCounter: number;
  readonly perHall: number;
  readonly workers: number;
}

export interface ManyCountersResult {
  readonly opsPerS: number;
  readonly baselineOpsPerS: number;
  readonly p99BatchMs: number;
  readonly baselineP99BatchMs: number;
}

/** Counter i: hall 01HH and counter code CC, as a head office of several halls numbers them. */
async function enrollCounters(ho: TestHeadOffice, dataDir: string, o: ManyCountersOptions) {
  const specs: CounterSpec[] = [];
  const { residential } = await publishDemoCatalogue(ho);
  for (let i = 0; i < o.counters; i++) {
    const hall = `01${String(Math.floor(i / o.perHall) + 1).padStart(2, '0')}`;
    const code = String((i % o.perHall) + 1).padStart(2, '0');
    const { counterId, key } = await enrollDevice(ho, hall, code);
    specs.push(
      counterSpec(
        join(dataDir, `counter-${i}`),
        counterId,
        key,
        o.opsPerCounter,
        residential,
        `${hall}${code}`,
      ),
    );
  }
  return specs;
}

/**
 * The counters' rows by C concurrent connections. On PostgreSQL each its own node-postgres client; PGlite has
 * a single connection, so there they are C concurrent tasks through head office's store, which runs their
 * statements one at a time (as it runs head office's own).
 */
async function baseline(ho: TestHeadOffice, pgUrl: string | null, perCounter: readonly WireOp[][]) {
  const shared: RunSql = (text, params) => ho.store.query(text, params);
  await createOpsCopy(shared, 'bench_ops');
  const pg = pgUrl ? (await import('pg')).default : null;
  const clients = pg ? perCounter.map(() => new pg.Client({ connectionString: pgUrl! })) : [];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const runs = perCounter.map((_, i): RunSql => {
      const c = clients[i];
      return c ? (text, params) => c.query(text, params) : shared;
    });
    const t0 = performance.now();
    const ms = await Promise.all(
      perCounter.map((ops, i) => insertInBatches(runs[i]!, 'bench_ops', ops, BATCH)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const total = perCounter.reduce((s, ops) => s + ops.length, 0);
    return { opsPerS: total / seconds, p99BatchMs: percentile(ms.flat(), 99), batches: ms.flat().length };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export async function benchPushManyCounters(
  dataDir: string,
  o: ManyCountersOptions,
): Promise<ManyCountersResult> {
  const pg = await freshPostgres();
  const ho = await startHeadOffice(pg ? { url: pg.url } : { dataDir: join(dataDir, 'head-office') });
  const log = (msg: string) => process.stderr.write(`push${o.counters}: ${msg}\n`);
  try {
    const specs = await enrollCounters(ho, dataDir, o);
    await seedCounters(ho.url, specs);
    const workers = Math.max(1, Math.min(o.workers, o.counters));
    const groups = Array.from({ length: workers }, (_, w) => specs.filter((_, i) => i % workers === w));
    const pushers = await readyPushers(ho.url, groups, BATCH);
    log(
      `${o.counters} counters × ${o.opsPerCounter} ops enrolled in ${Math.ceil(o.counters / o.perHall)} halls, in ${workers} workers`,
    );
    const t0 = performance.now();
    const results = await pushers.go();
    const seconds = (performance.now() - t0) / 1000;
    const total = o.counters * o.opsPerCounter;
    const acked = results.reduce((s, r) => s + r.acked, 0);
    const quarantined = results.reduce((s, r) => s + r.quarantined, 0);
    if (acked !== total) throw new Error(`acknowledged ${acked} of ${total}`);
    // Realistic data is stored, not quarantined: a quarantine would measure another path.
    if (quarantined) throw new Error(`head office quarantined ${quarantined} operations`);
    const batchMs = results.flatMap((r) => r.batchMs);
    const refused = results.reduce((s, r) => s + r.failed, 0);
    const ops = specs.map(outboxOf);
    const base = await baseline(ho, pg?.url ?? null, ops);
    const r: ManyCountersResult = {
      opsPerS: total / seconds,
      baselineOpsPerS: base.opsPerS,
      p99BatchMs: percentile(batchMs, 99),
      baselineP99BatchMs: base.p99BatchMs,
    };
    log(
      `push ${r.opsPerS.toFixed(0)} ops/s in ${seconds.toFixed(1)} s, p50 ${percentile(batchMs, 50).toFixed(0)} ms, ` +
        `p99 ${r.p99BatchMs.toFixed(0)} ms over ` +
        `${batchMs.length} batches (${refused} refused and sent again); bare insert ${r.baselineOpsPerS.toFixed(0)} ` +
        `ops/s, p99 ${r.baselineP99BatchMs.toFixed(0)} ms over ${base.batches} (${ho.store.kind})`,
    );
    return r;
  } finally {
    await ho.close();
    await pg?.drop();
  }
}
