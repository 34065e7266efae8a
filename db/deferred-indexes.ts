/**
 * The customers' lookup indexes whose keys arrive in random order (phones and their last digits, id number,
 * credit code, and the search's name and address prefixes): a counter's first pull — a whole hall, up to a
 * million customers — drops them and builds each once at the end, because inserting a million random keys one by
 * one took ~40 % of the bootstrap (with the first six). Their SQL is kept in `settings`
 * (in the transaction that drops them) until they are rebuilt, so a counter stopped in the middle of a
 * bootstrap rebuilds them when it next opens its database. Runtime: Node.
 */
import type Database from 'better-sqlite3';

const DEFERRABLE = [
  'customers_phone_idx',
  'customers_alt_phone_idx',
  'customers_phone_tail_idx',
  'customers_alt_phone_tail_idx',
  'customers_id_number_idx',
  'customers_credit_code_idx',
  'customers_name_idx',
  'customers_full_address_idx',
  'customers_address_from_community_idx',
  'customers_address_from_building_idx',
  'customers_address_from_unit_idx',
  'customers_room_idx',
];
const KEY = 'deferred_indexes';

interface Deferred {
  name: string;
  sql: string;
}

function pending(sqlite: Database.Database): Deferred[] {
  const v = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return v ? (JSON.parse(v) as Deferred[]) : [];
}

/** Drops the lookup indexes (remembering how to rebuild them); does nothing when they are already deferred. */
export function deferLookupIndexes(sqlite: Database.Database): void {
  sqlite
    .transaction(() => {
      if (pending(sqlite).length > 0) return;
      const rows = sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'
         AND name IN (${DEFERRABLE.map(() => '?').join(', ')})`,
        )
        .all(...DEFERRABLE) as Deferred[];
      if (rows.length === 0) return;
      sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(rows));
      for (const r of rows) sqlite.exec(`DROP INDEX "${r.name}"`);
    })
    .immediate();
}

/** Rebuilds deferred lookup indexes, if any; returns how many were built. */
export function restoreLookupIndexes(sqlite: Database.Database): number {
  return sqlite
    .transaction(() => {
      const rows = pending(sqlite);
      const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
      for (const r of rows) if (!exists.get(r.name)) sqlite.exec(r.sql);
      if (rows.length > 0) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
      return rows.length;
    })
    .immediate();
}

/** The names of the lookup indexes now deferred (for tests and diagnostics). */
export function deferredLookupIndexes(sqlite: Database.Database): string[] {
  return pending(sqlite).map((r) => r.name);
}
