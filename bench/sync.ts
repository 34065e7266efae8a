/**
 * `npm run bench -- sync [push|bootstrap|sim|all] [N]` — head office sync, on embedded PGlite in a temporary
 * folder (or DATABASE_URL's PostgreSQL, in a fresh database).
 *  - push: N (100,000) hash-chained operations pushed over signed HTTP in batches of 500 (verify, store, apply,
 *    digests), against a bare multi-row INSERT … ON CONFLICT DO NOTHING of the same rows, in the same batches,
 *    into a copy of the ops table of the same database. Target: ratio ≥ 0.5.
 *  - bootstrap: a fresh counter pulls a hall of N (1,000,000) customers from the feed. Target: < 60 s
 *    (reported against that target; the bare local insert of the same rows is logged for comparison).
 *  - sim: the seeded simulation at full size (20 counters, 14 days) through the faulty proxy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, log } from './support';
import { benchBootstrap } from '../tests/sim/bench-bootstrap';
import { benchPush } from '../tests/sim/bench-push';
import { benchSimulation } from '../tests/sim/bench-sim';

const mode = process.argv[2] ?? 'all';
const n = process.argv[3] ? Number(process.argv[3]) : undefined;
const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-sync-'));

try {
  if (mode === 'push' || mode === 'all') {
    const r = await benchPush(join(dir, 'push'), n ?? 100_000);
    emit('sync', 'push_ops_per_s', r.pushOpsPerS, r.baselineOpsPerS, 'ops/s');
  }
  if (mode === 'bootstrap' || mode === 'all') {
    const r = await benchBootstrap(join(dir, 'bootstrap'), n ?? 1_000_000);
    log(`bare local insert of the same customers: ${r.bareLocalS.toFixed(1)} s`);
    emit('sync', 'bootstrap_customers_s', r.seconds, 60, 's');
  }
  if (mode === 'sim') {
    const r = await benchSimulation(join(dir, 'sim'), n ?? 14);
    log(JSON.stringify(r.report));
    emit('sync', 'sim_ops_lost', r.report.lost, 0, 'ops');
    emit('sync', 'sim_seconds', r.seconds, 0, 's');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
