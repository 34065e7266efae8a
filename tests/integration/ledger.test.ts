import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../db';
import { fullOpening } from '../fixtures/households';
import { testCounter } from '../support/app';

const CLI = join(import.meta.dirname, '../../cli/bin/gasdesk.js');

function cliVerify(dir: string) {
  return spawnSync(process.execPath, [CLI, 'db', 'verify', '--data', dir], { encoding: 'utf8' });
}

async function counterWithOps() {
  const t = await testCounter({ households: 6 });
  const sid = await t.login('zhangli');
  const c = await t.ok('customers.open', fullOpening(), sid);
  await t.ok(
    'customers.update',
    { id: c.id, expectedVersion: 1, changes: { householdSize: 6 }, reason: '新添人口' },
    sid,
  );
  return t;
}

function tamper(file: string, sql: string) {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.exec('DROP TRIGGER outbox_no_update; DROP TRIGGER outbox_no_delete;');
  db.exec(sql);
  db.exec(`CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
    CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;`);
  db.close();
}

describe('the hash-chained ledger', () => {
  it('has a gap-free sequence of chained operations that verifies', async () => {
    const t = await counterWithOps();
    const seqs = (
      t.app.gdb.sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]
    ).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(verifyLedger(t.app.gdb.sqlite)).toEqual({ ok: true, checkedOps: seqs.length, firstBad: null });
    const admin = await t.login('admin');
    expect((await t.ok('ledger.verify', {}, admin)).ok).toBe(true);
  });

  it('refuses edits and deletions through SQL', async () => {
    const t = await counterWithOps();
    expect(() => t.app.gdb.sqlite.exec("UPDATE outbox SET payload = '{}' WHERE seq = 3")).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.exec('DELETE FROM outbox WHERE seq = 3')).toThrow(/append-only/);
    expect(() => t.app.gdb.sqlite.exec("UPDATE audit SET reason = 'x'")).toThrow(/append-only/);
    expect(() => t.app.gdb.sqlite.exec('DELETE FROM customers')).toThrow(/never deleted/);
  });

  it('gasdesk db verify names a row altered behind the application’s back', async () => {
    const t = await counterWithOps();
    const file = t.app.gdb.file;
    expect(cliVerify(t.dir)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^ledger ok: \d+ operations verified/),
    });
    const victim = t.app.gdb.sqlite
      .prepare(`SELECT seq, id FROM outbox WHERE type = 'staff.created' AND payload LIKE '%liuqiang%'`)
      .get() as { seq: number; id: string };
    tamper(
      file,
      `UPDATE outbox SET payload = replace(payload, 'liuqiang', 'liuqiang2') WHERE seq = ${victim.seq}`,
    );
    const r = cliVerify(t.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `ledger BROKEN at operation #${victim.seq} (${victim.id}): content does not match its hash`,
    );
  });

  it('finds a removed row and reordered rows', async () => {
    const t = await counterWithOps();
    tamper(t.app.gdb.file, 'DELETE FROM outbox WHERE seq = 4');
    expect(cliVerify(t.dir).stdout).toContain('ledger BROKEN at operation #4: operation 4 is missing');

    const u = await counterWithOps();
    tamper(
      u.app.gdb.file,
      `UPDATE outbox SET seq = 1000 WHERE seq = 3; UPDATE outbox SET seq = 3 WHERE seq = 4; UPDATE outbox SET seq = 4 WHERE seq = 1000;`,
    );
    const r = cliVerify(u.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ledger BROKEN at operation #3');
  });

  it('notices a removed append-only guard', async () => {
    const t = await counterWithOps();
    t.app.gdb.sqlite.exec('DROP TRIGGER audit_no_delete');
    expect(verifyLedger(t.app.gdb.sqlite).firstBad?.problem).toContain('audit_no_delete');
  });

  it('gasdesk db backup makes an online copy that verifies', async () => {
    const t = await counterWithOps();
    const out = join(t.dir, 'copy.sqlite');
    const text = execFileSync(process.execPath, [CLI, 'db', 'backup', '--data', t.dir, '--out', out], {
      encoding: 'utf8',
    });
    expect(text).toContain('integrity ok');
    const copy = new Database(out, { readonly: true });
    expect(verifyLedger(copy).ok).toBe(true);
    expect((copy.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(
      t.count('customers'),
    );
    copy.close();
  });
});
