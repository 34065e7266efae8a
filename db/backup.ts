/**
 * Online backup through SQLite's backup API into a file only its owner can read, then an integrity check of
 * the copy. Runtime: Node.
 */
import { closeSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { ownerOnlyFiles } from './files';

export async function backupDatabase(sqlite: Database.Database, dest: string): Promise<{ pages: number }> {
  closeSync(openSync(dest, 'a', 0o600));
  ownerOnlyFiles(dest);
  const result = await sqlite.backup(dest);
  const copy = new BetterSqlite(dest, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup copy failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { pages: result.totalPages };
}
