/**
 * Customer search at a million rows: B-tree lookups for numbers (account, phone, ID, meter) and an FTS5
 * index of character bigrams for names and address fragments. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { type SQL, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { CustomerSummary } from '../core/contract';
import { bigrams, guessSearchKind, type SearchKind, searchNormalise } from '../core/domain/search';
import { normalisePhone } from '../core/validation/phone';
import type { Drizzle } from './open';
import { type CustomerRow, meterNosOf, toSummary } from './repos/customers';

export interface SearchResult {
  items: CustomerSummary[];
  truncated: boolean;
  /** How many customers match in all (counted up to COUNT_CAP; more is reported as COUNT_CAP + 1). */
  total: number;
}

/** Counting stops here: a query matching more than this many households is not worth counting exactly. */
export const COUNT_CAP = 100_000;

const dialect = new SQLiteSyncDialect();

/** Upper bound for a prefix range over text keys. */
const after = (prefix: string) => `${prefix}\uffff`;

/** FTS5 match expression: each word a phrase of its bigrams; one-character words match as a prefix. */
export function ftsExpression(query: string, columns: string[]): string | null {
  const words = searchNormalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const phrases = words.map((w) => {
    const grams = bigrams(w);
    return Array.from(w).length === 1 ? `"${grams[0]}"*` : `"${grams.join(' ')}"`;
  });
  return `{${columns.join(' ')}} : (${phrases.join(' AND ')})`;
}

function selectCustomers(db: Drizzle, where: SQL, limit: number): CustomerRow[] {
  return db.all<CustomerRow>(sql`SELECT seq, id, account_no AS accountNo, name, id_number AS idNumber,
      credit_code AS creditCode, phone, alt_phone AS altPhone, district, community, building, unit, room,
      full_address AS fullAddress, user_class AS userClass, household_size AS householdSize,
      inspection_status AS inspectionStatus, inspection_date AS inspectionDate, contract_no AS contractNo,
      contract_signed_on AS contractSignedOn, connection_fee_invoice_no AS connectionFeeInvoiceNo,
      registration_form_checked AS registrationFormChecked, status, status_changed_at AS statusChangedAt,
      opened_at AS openedAt, closed_at AS closedAt, notes, version, updated_hlc AS updatedHlc
    FROM customers WHERE ${where} LIMIT ${limit}`);
}

/**
 * The ways a query is looked up: `text` is several words, each found in the name or the address; `nameText` and
 * `addressText` are the full-text fallbacks for a fragment that starts inside a name (晓东) or inside a part of
 * the address (花园3栋).
 */
type Lookup = Exclude<SearchKind, 'auto'> | 'text' | 'nameText' | 'addressText';

/**
 * The indexed columns an address fragment may start at: the whole address, then each part on, and the room.
 * Each range names its index (INDEXED BY): with a hall's statistics the planner may otherwise prefer to scan
 * the table in rowid order for a compound query's merge — seconds at a million customers.
 */
const ADDRESS_STARTS = [
  ['full_address', 'customers_full_address_idx'],
  ['address_from_community', 'customers_address_from_community_idx'],
  ['address_from_building', 'customers_address_from_building_idx'],
  ['address_from_unit', 'customers_address_from_unit_idx'],
  ['room', 'customers_room_idx'],
] as const;

/** `SELECT seq` of the customers whose `column` starts with `p`, through `index`. */
const prefixRange = (column: string, index: string, p: string) =>
  sql`SELECT seq FROM customers INDEXED BY ${sql.raw(index)} WHERE ${sql.raw(column)} >= ${p} AND ${sql.raw(column)} < ${after(p)}`;

/** A word read as a name: two to four Chinese characters (a middle dot allowed), as guessSearchKind reads one. */
const nameLike = (w: string) => /^[\p{Script=Han}·]{2,4}$/u.test(w);

/** Customers whose address has a part starting with `fragment` (spaces ignored: addresses are kept without). */
function addressPrefix(fragment: string): SQL | null {
  const p = fragment.replace(/\s+/g, '');
  if (p.length === 0) return null;
  return sql.join(
    ADDRESS_STARTS.map(([column, index]) => prefixRange(column, index, p)),
    sql` UNION ALL `,
  );
}

/** Customers matching one word of a query of several: by name (a name-like word) or by a part of the address. */
function wordMatch(w: string): SQL | null {
  if (Array.from(w).length === 1) return matchOne('name', w); // a surname: 王 阳光花园
  const byName = nameLike(w) ? matchOne('name', w) : null;
  const byAddress = addressPrefix(w);
  return byName && byAddress ? sql`${byName} UNION ALL ${byAddress}` : (byName ?? byAddress);
}

/**
 * The customers matching one way of reading the query: subqueries of their seq (repeats allowed), each a set the
 * customers must be in — several for several words (intersected), one otherwise; null when it cannot match.
 */
export function matchOf(lookup: Lookup, q: string): SQL[] | null {
  if (lookup !== 'text') {
    const m = matchOne(lookup, q);
    return m ? [m] : null;
  }
  const each = q.split(/\s+/).filter(Boolean).map(wordMatch);
  return each.every((m) => m !== null) ? (each as SQL[]) : null;
}

function matchOne(lookup: Exclude<Lookup, 'text'>, q: string): SQL | null {
  const upper = q.toUpperCase();
  switch (lookup) {
    case 'accountNo':
      return sql`SELECT seq FROM customers WHERE account_no >= ${q} AND account_no < ${after(q)}`;
    case 'phone': {
      const p = normalisePhone(q);
      if (!/^\d{4,}$/.test(p)) return null;
      // Phones are kept as written (0571-87654321): each is searched by its digits (an indexed generated column),
      // from its start — the area code and the first digits — or from its end.
      const prefix = sql`${prefixRange('phone_digits', 'customers_phone_digits_idx', p)}
        UNION ALL ${prefixRange('alt_phone_digits', 'customers_alt_phone_digits_idx', p)}`;
      // The digits a customer remembers are often the last ones: the index on each phone's last four finds them,
      // and the number's digits must end with the query's.
      const tail = p.slice(-4);
      return sql`${prefix} UNION ALL SELECT seq FROM customers WHERE phone_tail = ${tail} AND phone_digits LIKE ${`%${p}`}
        UNION ALL SELECT seq FROM customers WHERE alt_phone_tail = ${tail} AND alt_phone_digits LIKE ${`%${p}`}`;
    }
    case 'idNumber':
      return sql`SELECT seq FROM customers WHERE id_number = ${upper} UNION ALL SELECT seq FROM customers WHERE credit_code = ${upper}`;
    case 'meterNo':
      return sql`SELECT c.seq FROM meters m JOIN customers c ON c.id = m.customer_id
        WHERE m.meter_no >= ${upper} AND m.meter_no < ${after(upper)}`;
    case 'name': {
      const p = q.replace(/\s+/g, '');
      return p ? prefixRange('name', 'customers_name_idx', p) : null;
    }
    case 'address':
      return addressPrefix(q);
    case 'nameText':
    case 'addressText': {
      const expr = ftsExpression(q, [lookup === 'nameText' ? 'name' : 'address']);
      return expr ? sql`SELECT rowid AS seq FROM customer_search WHERE customer_search MATCH ${expr}` : null;
    }
  }
}

/**
 * How a query is read, most likely first; `fallback` is tried only when those find nothing: an address fragment
 * that does not start at a part is found through the full-text index, which costs more at a million customers.
 */
export function lookupsOf(q: string, kind: SearchKind): { first: Lookup[]; fallback: Lookup[] } {
  if (kind === 'address') return { first: ['address'], fallback: ['addressText'] };
  if (kind === 'name') return { first: ['name'], fallback: ['nameText'] };
  if (kind !== 'auto') return { first: [kind], fallback: [] };
  if (/\s/.test(q)) return { first: ['text'], fallback: ['addressText'] };
  const g = guessSearchKind(q);
  if (g === 'accountNo') return { first: ['accountNo', 'meterNo', 'phone'], fallback: [] };
  // 4 or 5 digits: the end of a phone number, or a room (or building) number in the address.
  if (g === 'meterNo' && /^\d{4,5}$/.test(q)) return { first: ['phone', 'address', 'meterNo'], fallback: [] };
  if (g === 'meterNo' && /^\d{1,3}$/.test(q)) return { first: ['address'], fallback: [] };
  if (g === 'name') return { first: ['name', 'address'], fallback: ['nameText', 'addressText'] };
  if (g === 'address') return { first: ['address'], fallback: ['addressText'] };
  return { first: [g], fallback: [] };
}

/** The seq of every customer one reading matches (up to the count's cap), in the index's order. */
function seqsOf(db: Drizzle, sets: SQL[]): number[] {
  const read = (m: SQL): number[] => {
    // Plain numbers straight from better-sqlite3 (pluck): tens of thousands of rows without an object each.
    const q = dialect.sqlToQuery(sql`SELECT seq FROM (${m}) LIMIT ${COUNT_CAP + 1}`);
    return (db as unknown as { $client: Database.Database }).$client
      .prepare(q.sql)
      .pluck()
      .all(...q.params) as number[];
  };
  // One set (most readings): as read; repeats are dropped by the caller.
  if (sets.length === 1) return read(sets[0]!);
  let found = new Set(read(sets[0]!));
  for (const m of sets.slice(1)) {
    const also = new Set(read(m));
    found = new Set([...found].filter((seq) => also.has(seq)));
  }
  return [...found];
}

/**
 * Every reading's matches are read once, as seq only (index ranges, no sort: repeats are dropped here), the
 * likeliest reading's first; the page is fetched by primary key and the total is what was read (up to
 * COUNT_CAP + 1), so a query costs its matches' index entries and one page of rows.
 */
function matching(db: Drizzle, lookups: Lookup[], q: string): number[] {
  const all = new Set<number>();
  for (const l of lookups) {
    const sets = matchOf(l, q);
    if (!sets) continue;
    for (const seq of seqsOf(db, sets)) {
      all.add(seq);
      if (all.size > COUNT_CAP) return [...all];
    }
  }
  return [...all];
}

export function searchCustomers(db: Drizzle, query: string, kind: SearchKind, limit: number): SearchResult {
  const q = query.trim();
  const { first, fallback } = lookupsOf(q, kind);
  let seqs = matching(db, first, q);
  if (seqs.length === 0 && fallback.length > 0) seqs = matching(db, fallback, q);
  const pageSeqs = seqs.slice(0, limit);
  const rows =
    pageSeqs.length === 0
      ? []
      : selectCustomers(
          db,
          sql`seq IN (${sql.join(
            pageSeqs.map((n) => sql`${n}`),
            sql`, `,
          )})`,
          limit,
        );
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const page = pageSeqs.map((n) => bySeq.get(n)).filter((r): r is CustomerRow => r !== undefined);
  const truncated = seqs.length > limit;
  const total = Math.min(seqs.length, COUNT_CAP + 1);
  const meterNos = meterNosOf(
    db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) =>
      toSummary(
        { ...r, registrationFormChecked: Boolean(r.registrationFormChecked) },
        meterNos.get(r.id) ?? [],
      ),
    ),
    truncated,
    total,
  };
}
