/** Online backup through SQLite's backup API, then an integrity check of the copy. Runtime: Node. */
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';

export async function backupDatabase(sqlite: Database.Database, dest: string): Promise<{ pages: number }> {
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
