/**
 * Local backups of the counter's database: SQLite online backups (the counter keeps working), each checked
 * (integrity and ledger) and kept with rotation; scheduled every few hours and on demand; restored only with a
 * check and with the current database kept aside. Backups and their folder are readable by their owner only.
 * Runtime: Node.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../core/errors';
import {
  BackupCheckFailed,
  type BackupOptions,
  backupDatabase,
  checkBackupCopy,
  getSetting,
  openDatabase,
  ownerOnlyDir,
  ownerOnlyFiles,
  removeBackupCopy,
} from '../../db';
import type { App } from '../app';
import { lockDataDir } from '../data-lock';

export const BACKUP_PREFIX = 'gasdesk-';
const stamp = (ms: number) =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

const KEPT_ASIDE = /^gasdesk-before-restore-.*\.sqlite(-wal|-shm)?$/;

/**
 * Leaves the backups, their folder and databases kept aside by a restore to the owner alone (at open: those
 * made before file modes were enforced are tightened).
 */
export function restrictBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  if (existsSync(dir)) {
    ownerOnlyDir(dir);
    ownerOnlyFiles(...readdirSync(dir).map((f) => join(dir, f)));
  }
  ownerOnlyFiles(
    ...readdirSync(dataDir)
      .filter((f) => KEPT_ASIDE.test(f))
      .map((f) => join(dataDir, f)),
  );
}

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(BACKUP_PREFIX) && f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((f) => {
      const st = statSync(join(dir, f));
      return { file: f, bytes: st.size, at: st.mtime.toISOString() };
    });
}

/**
 * Takes an online backup in steps that yield, checks it (integrity and ledger) in a worker thread, and keeps the
 * newest `keep` (setting backupKeep, default 14). A copy that fails its check is not kept.
 */
export async function runBackup(
  app: App,
  why: 'scheduled' | 'manual',
  operatorId: string | null,
  opts: BackupOptions = {},
): Promise<BackupInfo> {
  const dir = backupDir(app.dataDir);
  ownerOnlyDir(dir);
  let name = `${BACKUP_PREFIX}${stamp(app.clock.nowMs())}.sqlite`;
  for (let i = 2; existsSync(join(dir, name)); i++)
    name = `${BACKUP_PREFIX}${stamp(app.clock.nowMs())}-${i}.sqlite`;
  try {
    await backupDatabase(app.gdb.sqlite, join(dir, name), opts);
    copyAttachments(join(app.dataDir, 'attachments'), join(dir, 'attachments'));
  } catch (e) {
    if (e instanceof BackupCheckFailed) throw new AppError('INTERNAL', { detail: e.message });
    throw e;
  }
  const keep = Math.max(1, Number(getSetting(app.db, 'backupKeep') ?? '14'));
  for (const old of listBackups(app.dataDir).slice(keep)) removeBackupCopy(join(dir, old.file));
  app.transaction(() =>
    app
      .ledger()
      .auditOnly(
        { action: 'backup.made', summary: `${why === 'scheduled' ? '定时' : '手动'}备份：${name}` },
        { entityType: 'counter', entityId: app.counter()?.counterId ?? 'counter', operatorId },
      ),
  );
  return listBackups(app.dataDir).find((b) => b.file === name)!;
}

/** Backs up every `hours` while the process runs; returns a stop function. */
export function scheduleBackups(
  app: App,
  hours: number,
  onError: (e: unknown) => void = () => {},
): () => void {
  const timer = setInterval(() => void runBackup(app, 'scheduled', null).catch(onError), hours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Copies the attachment files (附件, named by their SHA-256) of `from` that `to` does not hold yet: a file never
 * changes under its name, so one copy serves every backup. The backup of the database is taken first, so every
 * file it names is already in the data folder.
 */
export function copyAttachments(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let n = 0;
  for (const f of readdirSync(from)) {
    if (!/^[0-9a-f]{64}$/.test(f) || existsSync(join(to, f))) continue;
    ownerOnlyDir(to);
    copyFileSync(join(from, f), join(to, `${f}.tmp`));
    renameSync(join(to, `${f}.tmp`), join(to, f));
    n++;
  }
  return n;
}

/**
 * Restores a backup into a data folder that no process has open: the backup must pass the integrity check, the
 * ledger check and the migration check; the current database is kept aside, never deleted.
 */
export function restoreBackup(dataDir: string, from: string): { keptAside: string | null } {
  const lock = lockDataDir(dataDir);
  try {
    const check = checkBackupCopy(from);
    if (!check.ok)
      throw new AppError('INTERNAL', {
        detail:
          check.failed === 'integrity'
            ? `backup fails the integrity check: ${check.problem}`
            : `backup ledger broken at ${check.problem}`,
      });
    const target = join(dataDir, 'gasdesk.sqlite');
    let keptAside: string | null = null;
    if (existsSync(target)) {
      keptAside = join(dataDir, `gasdesk-before-restore-${stamp(Date.now())}.sqlite`);
      renameSync(target, keptAside);
      for (const ext of ['-wal', '-shm'])
        if (existsSync(target + ext)) renameSync(target + ext, keptAside + ext);
    }
    copyFileSync(from, target);
    // The attachments kept beside the backup (runBackup), where the data folder lacks them.
    copyAttachments(join(dirname(from), 'attachments'), join(dataDir, 'attachments'));
    openDatabase(target).close(); // the migration prefix check, and any newer migrations applied
    return { keptAside };
  } finally {
    lock.release();
  }
}
