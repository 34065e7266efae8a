/**
 * 查询其他营业厅的用户: head office reads a counter's query the way the counter's own search does
 * (core/domain/search.ts guessSearchKind: an account number or its start, a card number, a phone's first or
 * last digits, an ID or credit code, a meter number's start, words of a name or an address) among the
 * customers of every hall but the counter's own, each listed with its hall. Runtime: Node.
 */
import { guessSearchKind, searchNormalise } from '../../core/domain/search';
import type { CustomerStatus } from '../../core/domain/customer';
import type { LookupRequest, LookupResponse } from '../../core/sync/wire-visit';
import { normalisePhone } from '../../core/validation/phone';
import type { Queryable } from '../pg/store';

/** A LIKE pattern's literal text. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The customer's search keys, exactly as head-office migration 0015 indexes them (trigram GIN): every reading
 * that looks inside a field first asks `keys LIKE '%…%'` (which its own condition implies) so the index finds
 * the candidates, and then its own condition decides.
 */
export const SEARCH_KEYS = `lower(
  COALESCE(c.data->>'name', '') || ' ' || COALESCE(c.data->>'fullAddress', '') || ' '
  || regexp_replace(COALESCE(c.data->>'phone', ''), '[^0-9]', '', 'g') || ' '
  || regexp_replace(COALESCE(c.data->>'altPhone', ''), '[^0-9]', '', 'g') || ' '
  || jsonb_path_query_array(c.data, '$.meters[*].meterNo')::text)`;

/** The conditions one query can mean (any of them matches), with their parameters from $3 on. */
export function lookupConditions(query: string): { sql: string; params: string[] } {
  const q = query.trim();
  const params: string[] = [];
  const p = (v: string) => {
    params.push(v);
    return `$${params.length + 2}`;
  };
  const or: string[] = [];
  const kind = guessSearchKind(q);
  const upper = q.toUpperCase();
  if (/^\d{4,32}$/.test(q)) {
    // An array of ids (an InitPlan) rather than IN (subquery): it is an index condition on customers, so it can
    // take part in the BitmapOr of the other readings.
    or.push(`c.id = ANY(ARRAY(SELECT customer_id FROM cards WHERE card_no = ${p(q)}))`);
    or.push(`(c.account_no >= ${p(q)} AND c.account_no < ${p(`${q}\uffff`)})`);
  }
  if (kind === 'idNumber')
    or.push(`(c.data->>'idNumber' = ${p(upper)} OR c.data->>'creditCode' = ${p(upper)})`);
  const digits = normalisePhone(q);
  if (/^\d{4,}$/.test(digits) && (kind === 'phone' || /^\d+$/.test(q))) {
    const head = p(`${literal(digits)}%`);
    const tail = p(`%${literal(digits)}`);
    const inside = p(`%${literal(digits)}%`);
    or.push(
      `(${SEARCH_KEYS} LIKE ${inside} AND (${['phone', 'altPhone']
        .map(
          (f) => `regexp_replace(COALESCE(c.data->>'${f}', ''), '[^0-9]', '', 'g') LIKE ${head}
          OR regexp_replace(COALESCE(c.data->>'${f}', ''), '[^0-9]', '', 'g') LIKE ${tail}`,
        )
        .join(' OR ')}))`,
    );
  }
  if (/^[A-Za-z0-9-]{4,}$/.test(q))
    or.push(
      `(${SEARCH_KEYS} LIKE ${p(`%${literal(q.toLowerCase())}%`)}
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.data->'meters') m WHERE m->>'meterNo' LIKE ${p(`${literal(upper)}%`)}))`,
    );
  if (kind === 'name' || kind === 'address' || (/^\d{1,5}$/.test(q) && or.length === 0)) {
    const words = searchNormalise(q).split(' ').filter(Boolean);
    if (words.length > 0)
      or.push(
        `(${words
          .map((w) => {
            const inside = p(`%${literal(w)}%`);
            return `${SEARCH_KEYS} LIKE ${inside} AND lower((c.data->>'name') || ' ' || (c.data->>'fullAddress')) LIKE ${inside}`;
          })
          .join(' AND ')})`,
      );
  }
  return { sql: or.length ? `(${or.join(' OR ')})` : 'false', params };
}

interface Row {
  id: string;
  account_no: string;
  data: {
    name: string;
    phone: string;
    fullAddress: string;
    status: CustomerStatus;
    meters?: { meterNo: string; status?: string }[];
  };
  code: string;
  hall_name: string;
  card_nos: string[];
}

const SELECT = `SELECT c.id, c.account_no, c.data, h.code, h.name AS hall_name,
    ARRAY(SELECT k.card_no FROM cards k WHERE k.customer_id = c.id AND k.status = 'active' ORDER BY k.card_no) AS card_nos
  FROM customers c JOIN halls h ON h.id = c.hall_id`;

/**
 * Customers of halls other than `hallId` matching the query, at most `limit` (truncated when more match). A whole
 * account or card number is looked up first by its index alone: the answer a clerk most often needs, without the
 * BitmapOr the other readings take (each by its index: migration 0015).
 */
export async function lookupCustomers(
  q: Queryable,
  hallId: string,
  req: LookupRequest,
): Promise<LookupResponse> {
  const query = req.query.trim();
  const exact = /^\d{4,32}$/.test(query)
    ? await q.query<Row>(
        `${SELECT} WHERE c.hall_id <> $1
           AND (c.account_no = $2 OR c.id IN (SELECT customer_id FROM cards WHERE card_no = $2))
         ORDER BY c.account_no LIMIT $3`,
        [hallId, query, req.limit + 1],
      )
    : [];
  const cond = lookupConditions(query);
  const rows =
    exact.length > 0
      ? exact
      : await q.query<Row>(`${SELECT} WHERE c.hall_id <> $1 AND ${cond.sql} ORDER BY c.account_no LIMIT $2`, [
          hallId,
          req.limit + 1,
          ...cond.params,
        ]);
  return {
    items: rows.slice(0, req.limit).map((r) => ({
      customerId: r.id,
      accountNo: r.account_no,
      name: r.data.name,
      phone: r.data.phone,
      fullAddress: r.data.fullAddress,
      status: r.data.status,
      meterNos: (r.data.meters ?? []).filter((m) => m.status !== 'removed').map((m) => m.meterNo),
      cardNos: r.card_nos,
      hallCode: r.code,
      hallName: r.hall_name,
    })),
    truncated: rows.length > req.limit,
  };
}
