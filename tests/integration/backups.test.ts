import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups, restoreBackup } from '../../services/backup/backups';
import { fullOpening } from '../fixtures/households';
import { tempDir, testCounter } from '../support/app';

const CLI = join(import.meta.dirname, '../../cli/bin/gasdesk.js');

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
});
