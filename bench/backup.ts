/**
 * `npm run bench -- backup [customers] [ops]`: the online backup and its check (integrity and ledger) of a counter
 * database with `customers` households (default 200,000) and a ledger of `ops` operations (default 1,000,000),
 * as runBackup does it (backupDatabase: stepped backup, the check in a worker thread), against the same backup
 * and check done the old way in the same run (better-sqlite3's default steps, then the check on the main
 * thread). Metrics: `stall.max`, the longest event-loop stall (perf_hooks.monitorEventLoopDelay; target ≤ 50
 * ms), and `total`, the backup and check's wall time. The issue's size: `npm run bench -- backup 1000000
 * 10000000` (about 12 GB of disk and an hour or more to generate).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { backupDatabase, checkBackupCopy, openDatabase, removeBackupCopy } from '../db';
import { fakeHousehold, mulberry32 } from '../services/setup/fake-households';
import { emit, log } from './support';
import { customerInserter } from './support-households';
import { fillLedger } from './support-ledger';

const CUSTOMERS = Number(process.argv[2] ?? 200_000);
const OPS = Number(process.argv[3] ?? 1_000_000);

const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-backup-'));
const file = join(dir, 'bench.sqlite');
const gdb = openDatabase(file);
const { sqlite } = gdb;

function generate(): void {
  const rand = mulberry32(1_000_000);
  const insert = customerInserter(sqlite);
  const batch = 50_000;
  for (let start = 0; start < CUSTOMERS; start += batch)
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(CUSTOMERS, start + batch); i++)
        insert(`c-${i}`, `0101${String(i + 1).padStart(8, '0')}`, fakeHousehold(rand, i));
    })();
  const step = 500_000;
  for (let done = 0; done < OPS; done += step) {
    fillLedger(sqlite, Math.min(step, OPS - done));
    log(`ledger: ${Math.min(OPS, done + step).toLocaleString()} / ${OPS.toLocaleString()} operations`);
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The longest event-loop stall while `fn` runs and its wall time, both in ms. */
async function measure(fn: () => Promise<unknown>): Promise<{ stall: number; total: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  await fn();
  const total = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20)); // a sample after a stall at the very end
  h.disable();
  return { stall: h.max / 1e6, total };
}

try {
  const t0 = performance.now();
  generate();
  const mb = statSync(file).size / 1e6;
  log(
    `generated ${CUSTOMERS.toLocaleString()} customers, ${OPS.toLocaleString()} operations (${mb.toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const oldCopy = join(dir, 'old.sqlite');
  const old = await measure(async () => {
    await sqlite.backup(oldCopy);
    const c = checkBackupCopy(oldCopy);
    if (!c.ok) throw new Error(`the main-thread check failed: ${c.problem}`);
  });
  removeBackupCopy(oldCopy);
  log(`main thread: longest stall ${old.stall.toFixed(0)} ms, ${(old.total / 1000).toFixed(1)} s in all`);
  const newCopy = join(dir, 'new.sqlite');
  let fellBack = false;
  const now = await measure(() =>
    backupDatabase(sqlite, newCopy, { check: { onFallback: () => (fellBack = true) } }),
  );
  removeBackupCopy(newCopy);
  if (fellBack) throw new Error('the check’s worker did not start: the figures would be the main thread’s');
  log(
    `stepped + worker: longest stall ${now.stall.toFixed(1)} ms, ${(now.total / 1000).toFixed(1)} s in all`,
  );
  // The machine's own floor: the longest stall of this thread doing nothing for as long (a shared machine's
  // scheduler alone delays a timer by tens of ms at a load average of 4 on 2 cores).
  const idle = await measure(() => new Promise((r) => setTimeout(r, now.total)));
  log(`idle for as long: longest stall ${idle.stall.toFixed(1)} ms`);
  emit('backup', 'stall.max', now.stall, old.stall);
  emit('backup', 'total', now.total, old.total);
} finally {
  gdb.close();
  rmSync(dir, { recursive: true, force: true });
}
