/**
 * Customer search at a million rows: B-tree lookups for numbers (account, phone, ID, meter) and an FTS5
 * index of character bigrams for names and address fragments. Runtime: Node.
 */
import { type SQL, sql } from 'drizzle-orm';
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

/** The ways a query is looked up; `text` is name and address together (several words may fall in either). */
type Lookup = Exclude<SearchKind, 'auto'> | 'text';

/** The customers' seq matching one way of reading the query, as a subquery (null: it cannot match). */
function matchOf(lookup: Lookup, q: string): SQL | null {
  const upper = q.toUpperCase();
  switch (lookup) {
    case 'accountNo':
      return sql`SELECT seq FROM customers WHERE account_no >= ${q} AND account_no < ${after(q)}`;
    case 'phone': {
      const p = normalisePhone(q);
      if (!/^\d{4,}$/.test(p)) return null;
      // Phones are kept as written (0571-87654321): each is searched by its digits (an indexed generated column),
      // from its start — the area code and the first digits — or from its end.
      const prefix = sql`SELECT seq FROM customers WHERE phone_digits >= ${p} AND phone_digits < ${after(p)}
        UNION SELECT seq FROM customers WHERE alt_phone_digits >= ${p} AND alt_phone_digits < ${after(p)}`;
      // The digits a customer remembers are often the last ones: the index on each phone's last four finds them,
      // and the number's digits must end with the query's.
      const tail = p.slice(-4);
      return sql`${prefix} UNION SELECT seq FROM customers WHERE phone_tail = ${tail} AND phone_digits LIKE ${`%${p}`}
        UNION SELECT seq FROM customers WHERE alt_phone_tail = ${tail} AND alt_phone_digits LIKE ${`%${p}`}`;
    }
    case 'idNumber':
      return sql`SELECT seq FROM customers WHERE id_number = ${upper} UNION SELECT seq FROM customers WHERE credit_code = ${upper}`;
    case 'meterNo':
      return sql`SELECT c.seq FROM meters m JOIN customers c ON c.id = m.customer_id
        WHERE m.meter_no >= ${upper} AND m.meter_no < ${after(upper)}`;
    case 'name':
    case 'address':
    case 'text': {
      const columns = lookup === 'text' ? ['name', 'address'] : [lookup];
      const expr = ftsExpression(q, columns);
      return expr ? sql`SELECT rowid AS seq FROM customer_search WHERE customer_search MATCH ${expr}` : null;
    }
  }
}

/** How an unqualified query is read, most likely first. */
function autoLookups(q: string): Lookup[] {
  const g = guessSearchKind(q);
  if (g === 'accountNo') return ['accountNo', 'meterNo', 'phone'];
  // 4 or 5 digits: the end of a phone number, or a room (or building) number in the address.
  if (g === 'meterNo' && /^\d{4,5}$/.test(q)) return ['phone', 'address', 'meterNo'];
  if (g === 'meterNo' && /^\d{1,3}$/.test(q)) return ['address'];
  if (g === 'name' || g === 'address') return ['name', 'address', 'text'];
  return [g];
}

function countMatches(db: Drizzle, matches: SQL[]): number {
  const union = sql.join(matches, sql` UNION `);
  const [counted] = db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT seq FROM (${union}) LIMIT ${COUNT_CAP + 1})`,
  );
  return counted!.n;
}

export function searchCustomers(db: Drizzle, query: string, kind: SearchKind, limit: number): SearchResult {
  const q = query.trim();
  const lookups = kind === 'auto' ? autoLookups(q) : [kind];
  const matches = lookups.map((l) => matchOf(l, q)).filter((m): m is SQL => m !== null);
  if (matches.length === 0) return { items: [], truncated: false, total: 0 };
  // Each reading in turn, so that the likeliest fills the page first; the count covers them all.
  const seen = new Map<string, CustomerRow>();
  for (const m of matches) {
    for (const r of selectCustomers(db, sql`seq IN (${m} LIMIT ${limit + 1})`, limit + 1))
      if (!seen.has(r.id)) seen.set(r.id, r);
    if (seen.size > limit) break;
  }
  // A page that holds every match is its own count; only a longer list is counted (up to COUNT_CAP).
  const truncated = seen.size > limit;
  const total = truncated ? countMatches(db, matches) : seen.size;
  const page = [...seen.values()].slice(0, limit);
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
