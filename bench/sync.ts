/**
 * `npm run bench -- sync [push|push1|push50|bootstrap|sim|all] [N]` — head office sync, on embedded PGlite in a temporary
 * folder (or DATABASE_URL's PostgreSQL, in a fresh database).
 *  - push: N (100,000) hash-chained operations pushed over signed HTTP in batches of 500 (verify, store, apply,
 *    digests), against a bare multi-row INSERT … ON CONFLICT DO NOTHING of the same rows, in the same batches,
 *    into a copy of the ops table of the same database. The counter is a real counter's database and push
 *    (services/sync/push.ts) in a worker thread (another machine in real life). Target: ratio ≥ 0.5.
 *    `push` also runs push50 after it; `push1` runs the single counter alone.
 *  - push50 [N] [C]: C (50) counters, each with N (2,000) operations in its own real counter database, enrolled
 *    at one head office (in halls of GASDESK_BENCH_PER_HALL, 10), push at once over signed HTTP from
 *    GASDESK_BENCH_WORKERS (10) worker threads, against the same rows inserted by C concurrent connections in
 *    the same batches into a copy of the ops table (tests/sim/bench-push50.ts). Reports ops/s over the whole run
 *    and the p99 of a batch's time (sent to acknowledged; the baseline's INSERT).
 *  - bootstrap: a fresh counter pulls a hall of N (1,000,000) customers from the feed. Target: < 60 s
 *    (reported against that target; the bare local insert of the same rows is logged for comparison).
 *  - sim [DAYS]: the seeded simulation at full size (20 counters, 14 days; GASDESK_SIM_SEED replays another
 *    seed) through the faulty proxy; each invariant is printed against the value it must equal (ratio 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, log } from './support';
import { benchBootstrap } from '../tests/sim/bench-bootstrap';
import { benchPush } from '../tests/sim/bench-push';
import { benchPushManyCounters } from '../tests/sim/bench-push50';
import { benchSimulation } from '../tests/sim/bench-sim';

const mode = process.argv[2] ?? 'all';
const n = process.argv[3] ? Number(process.argv[3]) : undefined;
const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-sync-'));

try {
  if (mode === 'push' || mode === 'push1' || mode === 'all') {
    const r = await benchPush(join(dir, 'push'), n ?? 100_000);
    emit('sync', 'push_ops_per_s', r.pushOpsPerS, r.baselineOpsPerS, 'ops/s');
  }
  if (mode === 'push50' || mode === 'push' || mode === 'all') {
    const counters = mode === 'push50' && process.argv[4] ? Number(process.argv[4]) : 50;
    const r = await benchPushManyCounters(join(dir, 'push50'), {
      counters,
      opsPerCounter: mode === 'push50' ? (n ?? 2_000) : 2_000,
      perHall: Number(process.env.GASDESK_BENCH_PER_HALL ?? 10),
      workers: Number(process.env.GASDESK_BENCH_WORKERS ?? 10),
    });
    emit('sync', `push${counters}_ops_per_s`, r.opsPerS, r.baselineOpsPerS, 'ops/s');
    emit('sync', `push${counters}_p99_batch_ms`, r.p99BatchMs, r.baselineP99BatchMs, 'ms');
  }
  if (mode === 'bootstrap' || mode === 'all') {
    const r = await benchBootstrap(join(dir, 'bootstrap'), n ?? 1_000_000);
    log(`bare local insert of the same customers: ${r.bareLocalS.toFixed(1)} s`);
    emit('sync', 'bootstrap_customers_s', r.seconds, 60, 's');
  }
  if (mode === 'sim') {
    const r = await benchSimulation(join(dir, 'sim'), n ?? 14);
    const rep = r.report;
    log(JSON.stringify(rep));
    log(`simulation took ${r.seconds.toFixed(1)} s`);
    // Each against what it must equal: ratio 1 is the only passing value.
    emit('sync', 'sim_ops_at_head_office', rep.opsAtHeadOffice - rep.duplicated, rep.opsAtCounters, 'ops');
    emit(
      'sync',
      'sim_ops_in_order',
      rep.opsAtCounters - rep.lost - rep.orderViolations - rep.brokenChains,
      rep.opsAtCounters,
      'ops',
    );
    emit('sync', 'sim_conflicts_surfaced', rep.injectedFound, rep.conflictsInjected, 'conflicts');
    emit(
      'sync',
      'sim_counter_customers_converged',
      rep.counters * rep.customers - rep.notConverged,
      rep.counters * rep.customers,
      'rows',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
