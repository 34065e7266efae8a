import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase } from '../../db';
import { tempDir } from '../support/app';

describe('migrations', () => {
  it('a fresh database gets every committed migration and the durable pragmas', () => {
    const file = join(tempDir(), 'a.sqlite');
    const gdb = openDatabase(file);
    const s = gdb.sqlite;
    expect(s.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tags = (s.prepare('SELECT tag FROM _migrations ORDER BY idx').all() as { tag: string }[]).map(
      (r) => r.tag,
    );
    expect(tags).toEqual(loadMigrations().map((m) => m.tag));
    const tables = (
      s.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'customers',
        'meters',
        'outbox',
        'audit',
        'staff',
        'counter_info',
        'customer_search',
      ]),
    );
    gdb.close();
    const again = openDatabase(file);
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM _migrations').get() as { n: number }).n).toBe(
      tags.length,
    );
    again.close();
  });

  it('brings an older database forward from any prefix', () => {
    const file = join(tempDir(), 'b.sqlite');
    const all = loadMigrations();
    const s = new Database(file);
    expect(migrate(s, all.slice(0, 1)).applied).toEqual([all[0]!.tag]);
    expect(migrate(s, all).applied).toEqual(all.slice(1).map((m) => m.tag));
    s.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'c.sqlite');
    openDatabase(file).close();
    const s = new Database(file);
    s.prepare('INSERT INTO _migrations VALUES (?, ?, ?, ?)').run(
      99,
      '0099_future',
      'abc',
      new Date().toISOString(),
    );
    s.close();
    expect(() => openDatabase(file)).toThrow(/DATABASE_INCOMPATIBLE.*0099_future is not known/);
  });

  it('0010 gives every account of an older database its one role as its list of roles', () => {
    const s = new Database(join(tempDir(), 'e.sqlite'));
    const all = loadMigrations();
    const at = all.findIndex((m) => m.tag === '0010_staff_roles');
    migrate(s, all.slice(0, at));
    const insert = s.prepare(
      `INSERT INTO staff (id, username, display_name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'h', '2026-01-01', '2026-01-01')`,
    );
    insert.run('s1', 'wang', '王', 'cashier');
    insert.run('s2', 'liu', '刘', 'supervisor');
    migrate(s, all);
    expect(s.prepare('SELECT id, roles FROM staff ORDER BY id').all()).toEqual([
      { id: 's1', roles: '["cashier"]' },
      { id: 's2', roles: '["supervisor"]' },
    ]);
    s.close();
  });

  it('refuses a database whose applied migration differs from the shipped one', () => {
    const file = join(tempDir(), 'd.sqlite');
    openDatabase(file).close();
    const changed = loadMigrations().map((m, i) => (i === 0 ? { ...m, hash: 'edited-after-release' } : m));
    const s = new Database(file);
    expect(() => migrate(s, changed)).toThrow(/DATABASE_INCOMPATIBLE/);
    s.close();
  });
});
