/**
 * Applies the committed drizzle-kit migrations, refusing a database whose applied migrations are not a prefix
 * of the shipped list (a newer app wrote it, or a migration file was changed after release). Runtime: Node.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { AppError } from '../core/errors';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Migration {
  readonly idx: number;
  readonly tag: string;
  readonly hash: string;
  readonly statements: string[];
}

export function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries.map((e) => {
    const sql = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
    return {
      idx: e.idx,
      tag: e.tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/^--.*$/gm, '').trim().length > 0),
    };
  });
}

export interface MigrateResult {
  readonly applied: string[];
  readonly total: number;
}

export function migrate(sqlite: Database.Database, migrations: Migration[]): MigrateResult {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = sqlite.prepare('SELECT idx, tag, hash FROM _migrations ORDER BY idx').all() as {
    idx: number;
    tag: string;
    hash: string;
  }[];
  done.forEach((row, i) => {
    const shipped = migrations[i];
    if (!shipped || shipped.idx !== row.idx || shipped.tag !== row.tag || shipped.hash !== row.hash) {
      throw new AppError('DATABASE_INCOMPATIBLE', {
        detail: shipped
          ? `applied migration ${row.tag} differs from the shipped ${shipped.tag}`
          : `applied migration ${row.tag} is not known to this version`,
      });
    }
  });
  const pending = migrations.slice(done.length);
  const record = sqlite.prepare('INSERT INTO _migrations (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    sqlite
      .transaction(() => {
        for (const stmt of m.statements) sqlite.exec(stmt);
        record.run(m.idx, m.tag, m.hash, new Date().toISOString());
      })
      .immediate();
  }
  return { applied: pending.map((m) => m.tag), total: migrations.length };
}
