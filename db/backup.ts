/**
 * Online backup through SQLite's backup API into a file only its owner can read, in steps that yield to the
 * event loop between them, then the check of the copy (integrity and ledger: backup-check.ts) in a worker
 * thread. Runtime: Node.
 */
import { closeSync, fdatasync, openSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { CopyCheck } from './backup-check';
import { checkBackupCopyOffThread, type OffThreadOptions } from './backup-check-host';
import { ownerOnlyFiles } from './files';

/**
 * The time one backup step may hold the thread; the pages per step follow what the steps before took, at most
 * 256 (1 MB of 4 KB pages: with up to 1,024, a 1.3 GB backup on a loaded machine stalled 107-144 ms).
 */
export const BACKUP_STEP_MS = 4;
const MIN_STEP_PAGES = 8;
const MAX_STEP_PAGES = 256;

export interface BackupOptions {
  readonly stepMs?: number;
  /** Where the check's worker comes from, and who is told when it runs on this thread instead. */
  readonly check?: OffThreadOptions;
}

/** Removes a backup copy with the -wal and -shm files a reader of a WAL-mode copy leaves beside it. */
export function removeBackupCopy(file: string): void {
  for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
}

export class BackupCheckFailed extends Error {
  constructor(readonly check: Extract<CopyCheck, { ok: false }>) {
    super(
      check.failed === 'integrity'
        ? `backup copy failed its integrity check: ${check.problem}`
        : `the backup copy does not verify: ledger broken at ${check.problem}`,
    );
  }
}

/**
 * Copies `sqlite` into `dest` while the counter keeps working (its writes in between are carried into the
 * copy), then checks the copy off this thread. A copy that fails its check is removed, and the call throws
 * BackupCheckFailed.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  dest: string,
  opts: BackupOptions = {},
): Promise<{ pages: number; steps: number; checkedOps: number }> {
  closeSync(openSync(dest, 'a', 0o600));
  ownerOnlyFiles(dest);
  const stepMs = opts.stepMs ?? BACKUP_STEP_MS;
  let pages = 64;
  let steps = 0;
  let last = performance.now();
  // The copy's pages are flushed to disk as they come, off this thread (libuv's pool), one flush at a time: the
  // last step's commit then has little left to sync (it held the thread 126 ms for 180 MB without this).
  const fd = openSync(dest, 'r+');
  let flushing: Promise<void> | null = null;
  const flush = () => {
    flushing ??= new Promise<void>((resolve) => fdatasync(fd, () => resolve())).then(() => {
      flushing = null;
    });
    return flushing;
  };
  // Before the last step (which commits the copy and syncs it on this thread), the steps copy nothing until a
  // flush of everything copied so far is done.
  let lastFlush: 'none' | 'running' | 'done' = 'none';
  let result: Database.BackupMetadata;
  try {
    result = await sqlite.backup(dest, {
      // Called after each step, which better-sqlite3 runs from setImmediate: the time since the last call is
      // the step's (an upper bound, with whatever else ran between): the next step is sized to take ~stepMs.
      progress: ({ remainingPages }) => {
        const now = performance.now();
        if (remainingPages <= pages && lastFlush !== 'done') {
          if (lastFlush === 'none' && !flushing) {
            lastFlush = 'running';
            void flush().then(() => {
              lastFlush = 'done';
            });
          }
          last = now;
          return 0;
        }
        const took = Math.max(0.05, now - last);
        if (steps > 0) pages = Math.round(pages * Math.min(2, Math.max(0.25, stepMs / took)));
        pages = Math.min(MAX_STEP_PAGES, Math.max(MIN_STEP_PAGES, pages));
        steps++;
        last = now;
        void flush();
        return pages;
      },
    });
  } finally {
    while (flushing) await flushing;
    closeSync(fd);
  }
  let check: CopyCheck;
  try {
    check = await checkBackupCopyOffThread(dest, opts.check);
  } catch (e) {
    removeBackupCopy(dest);
    throw e;
  }
  if (!check.ok) {
    removeBackupCopy(dest);
    throw new BackupCheckFailed(check);
  }
  return { pages: result.totalPages, steps, checkedOps: check.checkedOps };
}
