import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkBackupCopy, checkBackupCopyOffThread } from '../../db';
import { listBackups, restoreBackup, runBackup } from '../../services/backup/backups';
import { fullOpening } from '../fixtures/households';
import { tempDir, testCounter } from '../support/app';
import { PNG_1PX } from '../support/attachments';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'cli/bin/gasdesk.js');

/** A sound backup copy of a small counter, and one that fails SQLite's integrity check but not the ledger's. */
async function copies(): Promise<{ sound: string; corrupt: string }> {
  const t = await testCounter({ households: 3 });
  const b = await runBackup(t.app, 'manual', null);
  const sound = join(t.dir, 'backups', b.file);
  const corrupt = join(tempDir(), 'corrupt.sqlite');
  copyFileSync(sound, corrupt);
  const db = new Database(corrupt);
  // The index's declared column no longer matches what its pages hold: integrity_check reports every row.
  db.exec('CREATE TABLE t (a TEXT, b TEXT); CREATE INDEX t_a ON t (a);');
  db.exec("INSERT INTO t VALUES ('1', 'x'), ('2', 'y'), ('3', 'z')");
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX t_a ON t (b)' WHERE name = 't_a'").run();
  db.close();
  return { sound, corrupt };
}

let building: Promise<unknown> | undefined;
async function built() {
  // @ts-expect-error: the build script is plain JavaScript
  const { buildAll } = await import('../../build/build.js');
  building ??= buildAll({ skipRenderer: true });
  await building;
}

describe('local backups', () => {
  it('backs up online, checks the copy, and keeps only the newest', async () => {
    const t = await testCounter({ households: 3 });
    const sup = await t.login('liuqiang');
    t.app.gdb.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('backupKeep', '2')").run();
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await t.ok('backups.run', {}, sup));
      t.clock.advanceMinutes(1);
    }
    const kept = (await t.ok('backups.list', {}, sup)).items.map((b) => b.file);
    expect(kept).toEqual([made[2]!.file, made[1]!.file]);
    // The rotated backup goes with the -wal and -shm files its check left beside it.
    const left = readdirSync(join(t.dir, 'backups')).filter((f) => !kept.some((k) => f.startsWith(k)));
    expect(left).toEqual([]);
    const copy = new Database(join(t.dir, 'backups', made[2]!.file), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(3);
    copy.close();
  });

  it('restores only a sound backup, keeps the current database aside, and never while the counter runs', async () => {
    const t = await testCounter({ households: 2 });
    const sup = await t.login('liuqiang');
    const b = await t.ok('backups.run', {}, sup);
    await t.ok('customers.open', fullOpening(), await t.login('zhangli'));
    const backup = join(t.dir, 'backups', b.file);
    expect(() => restoreBackup(t.dir, backup)).toThrow(expect.objectContaining({ code: 'DATA_IN_USE' }));
    t.app.close();

    const broken = join(tempDir(), 'broken.sqlite');
    copyFileSync(backup, broken);
    const db = new Database(broken);
    db.exec("DROP TRIGGER outbox_no_update; UPDATE outbox SET payload = '{}' WHERE seq = 3;");
    db.close();
    expect(() => restoreBackup(t.dir, broken)).toThrow(/ledger broken at #3/);

    const r = spawnSync(process.execPath, [CLI, 'db', 'restore', '--data', t.dir, '--from', backup], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('the previous database is kept at');
    const restored = new Database(join(t.dir, 'gasdesk.sqlite'), { readonly: true });
    expect((restored.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(2);
    restored.close();
    expect(listBackups(t.dir)).toHaveLength(1);
    expect(existsSync(join(t.dir, 'gasdesk.lock'))).toBe(false);
  });

  it('keeps no backup whose copy does not verify, and says why', async () => {
    const t = await testCounter({ households: 2 });
    t.app.gdb.sqlite.exec('DROP TRIGGER outbox_no_delete');
    await expect(runBackup(t.app, 'manual', null)).rejects.toMatchObject({
      code: 'INTERNAL',
      detail: expect.stringContaining('append-only guard outbox_no_delete was removed'),
    });
    expect(listBackups(t.dir)).toEqual([]);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
  });

  it('checks a copy in a worker thread, from the sources, as on the main thread', async () => {
    const { sound, corrupt } = await copies();
    const fellBack: string[] = [];
    const onFallback = (w: string) => fellBack.push(w);
    expect(await checkBackupCopyOffThread(sound, { onFallback })).toEqual(checkBackupCopy(sound));
    const bad = await checkBackupCopyOffThread(corrupt, { onFallback });
    expect(bad).toMatchObject({ ok: false, failed: 'integrity' });
    expect(bad).toEqual(checkBackupCopy(corrupt));
    expect(fellBack).toEqual([]);
    expect(() => restoreBackup(tempDir(), corrupt)).toThrow(/backup fails the integrity check/);
  }, 30_000);

  it('checks on the main thread, and says so, when the worker cannot start', async () => {
    const { sound, corrupt } = await copies();
    const fellBack: string[] = [];
    const opts = {
      script: join(ROOT, 'out/cli/no-such-worker.cjs'),
      onFallback: (w: string) => fellBack.push(w),
    };
    expect(await checkBackupCopyOffThread(sound, opts)).toMatchObject({ ok: true });
    expect(await checkBackupCopyOffThread(corrupt, opts)).toMatchObject({ ok: false, failed: 'integrity' });
    expect(fellBack).toHaveLength(2);
  }, 30_000);

  it.each([
    ['the desktop bundle', 'out/electron/backup-check-worker.cjs'],
    ['the gasdesk command’s bundle', 'out/cli/backup-check-worker.cjs'],
  ])(
    'runs the check from %s',
    async (_, script) => {
      await built();
      const { sound, corrupt } = await copies();
      const fellBack: string[] = [];
      const opts = { script: join(ROOT, script), onFallback: (w: string) => fellBack.push(w) };
      expect(await checkBackupCopyOffThread(sound, opts)).toMatchObject({ ok: true });
      expect(await checkBackupCopyOffThread(corrupt, opts)).toMatchObject({ ok: false, failed: 'integrity' });
      expect(fellBack).toEqual([]);
    },
    120_000,
  );

  it('keeps the attachment files with the backups and brings them back on a restore into an empty folder', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const a = await t.ok(
      'installations.apply',
      {
        name: '周新户',
        phone: '13900001111',
        request: '新装灶具',
        attachments: [{ name: 'a.png', data: PNG_1PX }],
      },
      clerk,
    );
    const sha = a.attachments[0]!.sha256;
    const b = await runBackup(t.app, 'manual', null);
    expect(readdirSync(join(t.dir, 'backups', 'attachments'))).toEqual([sha]);
    t.app.close();
    // The data folder lost (a new disk): the backups folder restored into a fresh one.
    const fresh = tempDir();
    const from = join(tempDir(), 'backups');
    cpSync(join(t.dir, 'backups'), from, { recursive: true });
    restoreBackup(fresh, join(from, b.file));
    expect(readFileSync(join(fresh, 'attachments', sha)).toString('base64')).toBe(PNG_1PX);
  });
});
