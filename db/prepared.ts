/**
 * The cache of prepared statements the hot paths use (a sale runs a dozen statements; parsing each once keeps
 * it close to a bare transaction). Runtime: Node.
 */
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, parsed once per connection. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let m = statements.get(sqlite);
  if (!m) {
    m = new Map();
    statements.set(sqlite, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
