/**
 * Applies customers pulled from head office: a customer this counter has never seen is inserted (with its
 * meters and its search index); one it has is replaced only when head office's version is at least as new
 * by HLC (a newer local change is pushed and merged first). Prepared statements, so a page of thousands of
 * customers — a fresh counter bootstrapping a hall — is one quick transaction; a new customer's meters and first
 * purchase count wait for `flush()` and go in with the page's others, a couple of hundred rows a statement.
 * The balance (结余) is head office's less this counter's part of it plus what this counter's own sales made —
 * so it is right whether or not those sales have reached head office — and is set whatever the file's HLC;
 * so is the gas use the other counters' sales made (customer_peer_use), which the tiers count with this
 * counter's own sales. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import type { CustomerFeed } from '../../core/sync/feed';
import { balanceOf, ownBalanceChanges, setBalance } from '../../db';
import { type PreparedCustomer, prepareCustomer } from './pull-prepare';

/** In the order of PreparedCustomer.values (pull-prepare.ts). */
const COLS = `account_no, name, id_number, credit_code, phone, alt_phone, district, community, building, unit, room,
  full_address, user_class, household_size, inspection_status, inspection_date, contract_no, contract_signed_on,
  connection_fee_invoice_no, registration_form_checked, status, status_changed_at, opened_at, closed_at, notes`;
const METER_COLS = 'id, customer_id, meter_no, maker, model, card_type, installed_on, status, created_at';
/** Rows per multi-row INSERT of flush(). */
const CHUNK = 200;

export class CustomerApplier {
  private readonly find: Database.Statement;
  private readonly insertNew: Database.Statement;
  private readonly update: Database.Statement;
  private readonly index: Database.Statement;
  private readonly indexNew: Database.Statement;
  private readonly meter: Database.Statement;
  private readonly count: Database.Statement;
  private readonly countOf: Database.Statement;
  private readonly countFirst: Database.Statement;
  private readonly peerUse: Database.Statement;
  /** A new customer's meter rows (9 values each), first counts and balances (customer id, value), for flush(). */
  private readonly newMeters: unknown[] = [];
  private readonly newCounts: unknown[] = [];
  private readonly newBalances: unknown[] = [];
  private readonly newPeerUse: unknown[] = [];
  private readonly many = new Map<string, Database.Statement>();

  /** `me`: this counter's id (its own part of a balance is taken from its own sales). */
  constructor(
    private readonly db: Database.Database,
    private readonly me: string | null = null,
  ) {
    this.find = db.prepare(`SELECT seq, updated_hlc AS hlc, ${COLS} FROM customers WHERE id = ?`).raw();
    this.insertNew = db.prepare(
      `INSERT INTO customers (id, ${COLS}, version, updated_hlc) VALUES (?, ${Array(25).fill('?').join(', ')}, 1, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.update = db.prepare(
      `UPDATE customers SET (${COLS}) = (${Array(25).fill('?').join(', ')}), version = version + 1, updated_hlc = ? WHERE id = ?`,
    );
    this.index = db.prepare('INSERT OR REPLACE INTO customer_search (rowid, name, address) VALUES (?, ?, ?)');
    this.indexNew = db.prepare('INSERT INTO customer_search (rowid, name, address) VALUES (?, ?, ?)');
    this.meter = db.prepare(
      `INSERT OR IGNORE INTO meters (${METER_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.count = db.prepare(
      `INSERT INTO account_counts (customer_id, last_count, cumulative) VALUES (?, ?, 0)
       ON CONFLICT (customer_id) DO UPDATE SET last_count = max(last_count, excluded.last_count)`,
    );
    this.peerUse = db.prepare(
      `INSERT INTO customer_peer_use (customer_id, by_day) VALUES (?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET by_day = excluded.by_day WHERE by_day <> excluded.by_day`,
    );
    this.countOf = db.prepare('SELECT last_count FROM account_counts WHERE customer_id = ?').pluck();
    this.countFirst = db.prepare(
      'INSERT OR IGNORE INTO account_counts (customer_id, last_count, cumulative) VALUES (?, ?, 0)',
    );
  }

  /** Returns false when the local version is newer (kept; head office will merge it). Throws on a clash. */
  apply(c: CustomerFeed): boolean {
    const applied = this.applyPrepared(prepareCustomer(c, this.me));
    this.flush();
    return applied;
  }

  /** As apply(); the new customer's meters and count are written by flush(), which must run in the same transaction. */
  applyPrepared(c: PreparedCustomer): boolean {
    // Most often the customer is new here (a bootstrap's every one): the INSERT itself finds out, without a
    // look-up first, and does nothing when the id is already held.
    const added = this.insertNew.run(c.id, ...c.values, c.hlc);
    if (added.changes === 1) {
      this.indexNew.run(Number(added.lastInsertRowid), c.index.name, c.index.address);
      for (const m of c.meters) this.newMeters.push(m[0], c.id, ...m.slice(1), c.openedAt);
      if (c.purchaseCount > 0) this.newCounts.push(c.id, c.purchaseCount);
      // New here, so no sale of this counter's is theirs: the balance is the others' part.
      if (c.othersBalance) this.newBalances.push(c.id, c.othersBalance);
      if (c.othersUse !== null && c.othersUse !== '{}') this.newPeerUse.push(c.id, c.othersUse);
      return true;
    }
    if (c.othersUse !== null) this.peerUse.run(c.id, c.othersUse);
    if (c.othersBalance !== null) {
      const balance = c.othersBalance + ownBalanceChanges(this.db, c.id);
      if (balance !== balanceOf(this.db, c.id)) setBalance(this.db, c.id, balance);
    }
    const local = this.find.get(c.id) as unknown[];
    if (c.hlc < (local[1] as string)) return false;
    const next = c.values;
    if (next.some((v, i) => (v ?? null) !== (local[i + 2] ?? null))) {
      this.update.run(...next, c.hlc, c.id);
      this.index.run(local[0], c.index.name, c.index.address);
    }
    for (const m of c.meters) this.meter.run(m[0], c.id, ...m.slice(1), c.openedAt);
    if (c.purchaseCount > 0) this.raiseCount(c.id, c.purchaseCount);
    return true;
  }

  /**
   * Writes the meters and first counts of the customers added since the last flush: INSERT OR IGNORE, as one row at
   * a time would. A count that was already there (not one of ours) is raised the usual way.
   */
  flush(): void {
    this.insertMany('meters', METER_COLS, `(${Array(9).fill('?').join(', ')})`, this.newMeters.splice(0));
    this.insertMany('customer_balances', 'customer_id, balance', '(?, ?)', this.newBalances.splice(0));
    this.insertMany('customer_peer_use', 'customer_id, by_day', '(?, ?)', this.newPeerUse.splice(0));
    const counts = this.newCounts.splice(0);
    for (let i = 0; i < counts.length; i += 2 * CHUNK) {
      const part = counts.slice(i, i + 2 * CHUNK);
      if (
        this.insertMany('account_counts', 'customer_id, last_count, cumulative', '(?, ?, 0)', part) <
        part.length / 2
      )
        for (let j = 0; j < part.length; j += 2) this.raiseCount(part[j] as string, part[j + 1] as number);
    }
  }

  /** INSERT OR IGNORE of `values` in chunks, each row as `row` (its `?`s); returns the rows inserted. */
  private insertMany(table: string, cols: string, row: string, values: unknown[]): number {
    const width = row.split('?').length - 1;
    let inserted = 0;
    for (let i = 0; i < values.length; i += width * CHUNK) {
      const part = values.slice(i, i + width * CHUNK);
      const rows = part.length / width;
      const key = `${table}:${rows}`;
      let stmt = this.many.get(key);
      if (!stmt) {
        stmt = this.db.prepare(
          `INSERT OR IGNORE INTO ${table} (${cols}) VALUES ${Array(rows).fill(row).join(', ')}`,
        );
        this.many.set(key, stmt);
      }
      inserted += stmt.run(...part).changes;
    }
    return inserted;
  }

  /**
   * A known customer's count (or a new one's that was already there): INSERT OR IGNORE first, and the upsert only
   * when the count really rises. The upsert needs a statement journal (its trigger may abort), and opening one makes
   * FTS5 flush its pending index terms to disk — once per customer, which made a bootstrap's search index three
   * times as slow to build.
   */
  private raiseCount(customerId: string, count: number): void {
    if (this.countFirst.run(customerId, count).changes === 1) return;
    const known = this.countOf.get(customerId) as number;
    if (count > known) this.count.run(customerId, count);
  }
}
