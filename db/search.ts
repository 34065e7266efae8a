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
}

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

function byKind(db: Drizzle, kind: Exclude<SearchKind, 'auto'>, q: string, limit: number): CustomerRow[] {
  const upper = q.toUpperCase();
  switch (kind) {
    case 'accountNo':
      return selectCustomers(db, sql`account_no >= ${q} AND account_no < ${after(q)}`, limit);
    case 'phone': {
      const p = normalisePhone(q);
      return selectCustomers(
        db,
        sql`seq IN (SELECT seq FROM customers WHERE phone >= ${p} AND phone < ${after(p)}
          UNION SELECT seq FROM customers WHERE alt_phone >= ${p} AND alt_phone < ${after(p)})`,
        limit,
      );
    }
    case 'idNumber':
      return selectCustomers(
        db,
        sql`seq IN (SELECT seq FROM customers WHERE id_number = ${upper} UNION SELECT seq FROM customers WHERE credit_code = ${upper})`,
        limit,
      );
    case 'meterNo':
      return selectCustomers(
        db,
        sql`id IN (SELECT customer_id FROM meters WHERE meter_no >= ${upper} AND meter_no < ${after(upper)} LIMIT ${limit})`,
        limit,
      );
    case 'name':
    case 'address': {
      const expr = ftsExpression(q, kind === 'name' ? ['name'] : ['address']);
      if (!expr) return [];
      return selectCustomers(
        db,
        sql`seq IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ${expr} LIMIT ${limit})`,
        limit,
      );
    }
  }
}

export function searchCustomers(db: Drizzle, query: string, kind: SearchKind, limit: number): SearchResult {
  const q = query.trim();
  const kinds: Exclude<SearchKind, 'auto'>[] =
    kind !== 'auto'
      ? [kind]
      : (() => {
          const g = guessSearchKind(q);
          if (g === 'name' || g === 'address') return ['name', 'address'];
          if (g === 'accountNo') return ['accountNo', 'meterNo', 'phone'];
          return [g];
        })();
  const seen = new Map<string, CustomerRow>();
  for (const k of kinds) {
    for (const r of byKind(db, k, q, limit + 1)) if (!seen.has(r.id)) seen.set(r.id, r);
    if (seen.size > limit) break;
  }
  const rows = [...seen.values()];
  const page = rows.slice(0, limit);
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
    truncated: rows.length > limit,
  };
}
