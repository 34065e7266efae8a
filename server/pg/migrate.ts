/**
 * Applies head office's committed drizzle-kit migrations (server/migrations) at start, under an advisory
 * lock so that instances starting together apply them once, and refuses a database whose applied list is not
 * a prefix of the shipped one (written by a newer version, or a migration edited after release).
 * Runtime: Node.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './store';

/** server/migrations from the sources; server-migrations/ beside a bundle (npm run build copies it there). */
export const SERVER_MIGRATIONS_DIR = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../migrations' : './server-migrations', import.meta.url),
);

/** Advisory lock keys (pg_advisory_xact_lock): one per kind of serialisation. */
export const LOCKS = { migrate: 7_300_001, feed: 7_300_002 } as const;

interface Migration {
  readonly idx: number;
  readonly tag: string;
  readonly hash: string;
  readonly statements: string[];
}

export function loadServerMigrations(dir = SERVER_MIGRATIONS_DIR): Migration[] {
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

export class IncompatibleDatabaseError extends Error {}

export async function migrateServer(store: Store, migrations = loadServerMigrations()): Promise<string[]> {
  return store.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
    await q.query(`CREATE TABLE IF NOT EXISTS _ho_migrations (
      idx integer PRIMARY KEY, tag text NOT NULL, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await q.query<{ idx: number; tag: string; hash: string }>(
      'SELECT idx, tag, hash FROM _ho_migrations ORDER BY idx',
    );
    done.forEach((row, i) => {
      const shipped = migrations[i];
      if (!shipped || shipped.tag !== row.tag || shipped.hash !== row.hash)
        throw new IncompatibleDatabaseError(
          shipped
            ? `applied migration ${row.tag} differs from the shipped ${shipped.tag}`
            : `applied migration ${row.tag} is not known to this version`,
        );
    });
    const pending = migrations.slice(done.length);
    for (const m of pending) {
      for (const stmt of m.statements) await q.query(stmt);
      await q.query('INSERT INTO _ho_migrations (idx, tag, hash) VALUES ($1, $2, $3)', [
        m.idx,
        m.tag,
        m.hash,
      ]);
    }
    return pending.map((m) => m.tag);
  });
}
