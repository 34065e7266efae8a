/**
 * Opens the counter's SQLite database: owner-only access to it, its WAL and SHM and its folder (files.ts),
 * durable pragmas, migrations with the prefix check, drizzle on top. Runtime: Node.
 */
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { restoreLookupIndexes } from './deferred-indexes';
import { ownerOnlyDir, ownerOnlyFiles } from './files';
import { loadMigrations, type Migration, migrate } from './migrate';
import * as schema from './schema';

export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface GasDb {
  readonly sqlite: Database.Database;
  readonly db: Drizzle;
  readonly file: string;
  close(): void;
}

export interface OpenOptions {
  readonly migrations?: Migration[];
  readonly readonly?: boolean;
  /** Path of a better_sqlite3.node built for the running ABI (Electron), when not the default one. */
  readonly nativeBinding?: string;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // Durable before visible: every commit reaches the disk before the caller sees success.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * Leaves the database, its WAL and SHM and its folder to the owner alone: a database made before is tightened,
 * a new one is created 0600 before SQLite opens it (SQLite gives the WAL and SHM its database's mode).
 */
export function restrictDatabaseFiles(file: string): void {
  ownerOnlyDir(dirname(file));
  closeSync(openSync(file, 'a', 0o600));
  ownerOnlyFiles(file, `${file}-wal`, `${file}-shm`);
}

export function openDatabase(file: string, opts: OpenOptions = {}): GasDb {
  if (!opts.readonly) restrictDatabaseFiles(file);
  const sqlite = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
  });
  try {
    if (!opts.readonly) {
      applyPragmas(sqlite);
      migrate(sqlite, opts.migrations ?? loadMigrations());
      // A bootstrap stopped half-way left its lookup indexes to build (deferred-indexes.ts).
      restoreLookupIndexes(sqlite);
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return { sqlite, db: drizzle(sqlite, { schema }), file, close: () => sqlite.close() };
}
