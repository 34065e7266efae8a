/**
 * Head office's customer search (server/visits/lookup.ts) on its indexes (head-office migration 0015): on
 * customers of two halls with phones written with dashes, a second phone, meters, names and addresses, every
 * kind of query answers what the conditions before the indexes answered (copied below as `before`), and each
 * reading that looks inside a field can be answered by the trigram index (shown by EXPLAIN with sequential scans
 * off, as a large table makes the planner choose). PostgreSQL when DATABASE_URL answers, PGlite otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessSearchKind, searchNormalise } from '../../core/domain/search';
import { normalisePhone } from '../../core/validation/phone';
import { createHall } from '../../server/admin/org';
import { migrateServer } from '../../server/pg/migrate';
import { openStore, type Store } from '../../server/pg/store';
import { lookupConditions, lookupCustomers } from '../../server/visits/lookup';
import { freshPostgres } from '../support/head-office';

const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conditions as they were before migration 0015 (no index could answer them). */
function before(query: string): { sql: string; params: string[] } {
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
    or.push(`c.id IN (SELECT customer_id FROM cards WHERE card_no = ${p(q)})`);
    or.push(`(c.account_no >= ${p(q)} AND c.account_no < ${p(`${q}\uffff`)})`);
  }
  if (kind === 'idNumber')
    or.push(`(c.data->>'idNumber' = ${p(upper)} OR c.data->>'creditCode' = ${p(upper)})`);
  const digits = normalisePhone(q);
  if (/^\d{4,}$/.test(digits) && (kind === 'phone' || /^\d+$/.test(q))) {
    const head = p(`${literal(digits)}%`);
    const tail = p(`%${literal(digits)}`);
    for (const f of ['phone', 'altPhone'])
      or.push(
        `(regexp_replace(COALESCE(c.data->>'${f}', ''), '[^0-9]', '', 'g') LIKE ${head}
          OR regexp_replace(COALESCE(c.data->>'${f}', ''), '[^0-9]', '', 'g') LIKE ${tail})`,
      );
  }
  if (/^[A-Za-z0-9-]{4,}$/.test(q))
    or.push(
      `EXISTS (SELECT 1 FROM jsonb_array_elements(c.data->'meters') m WHERE m->>'meterNo' LIKE ${p(`${literal(upper)}%`)})`,
    );
  if (kind === 'name' || kind === 'address' || (/^\d{1,5}$/.test(q) && or.length === 0)) {
    const words = searchNormalise(q).split(' ').filter(Boolean);
    if (words.length > 0)
      or.push(
        `(${words
          .map(
            (w) => `lower((c.data->>'name') || ' ' || (c.data->>'fullAddress')) LIKE ${p(`%${literal(w)}%`)}`,
          )
          .join(' AND ')})`,
      );
  }
  return { sql: or.length ? `(${or.join(' OR ')})` : 'false', params };
}

const N = 300;
let store: Store;
let pg: Awaited<ReturnType<typeof freshPostgres>>;
let hallA: string;
let hallB: string;

const NAMES = ['王伟', '李娜', '张敏', 'Smith Li', '陈静'];
const STREETS = ['阳光花园', '人民路', '虞山街道', '琴川小区'];

function customer(i: number) {
  const phone =
    i % 3 === 0
      ? `138-${String(1000_0000 + i).slice(-8, -4)}-${String(i).padStart(4, '0')}`
      : `139${String(20_000_000 + i * 7).slice(-8)}`;
  return {
    id: `c${String(i).padStart(5, '0')}`,
    accountNo: `${i % 2 ? '0101' : '0102'}${String(i).padStart(8, '0')}`,
    name: `${NAMES[i % NAMES.length]}${i}`,
    idNumber: i % 7 === 0 ? null : `3207221980010${String(i).padStart(4, '0')}X`.slice(0, 18),
    creditCode: i % 7 === 0 ? `91320581MA${String(i).padStart(8, '0')}` : null,
    phone,
    altPhone: i % 4 === 0 ? `0512-${String(5200_0000 + i).slice(-8)}` : null,
    fullAddress: `${STREETS[i % STREETS.length]}${1 + (i % 9)}栋${100 + i}室`,
    status: 'active',
    meters:
      i % 5 === 0 ? [] : [{ id: `m${i}`, meterNo: `JK${String(i * 13).padStart(8, '0')}`, status: 'active' }],
  };
}

beforeAll(async () => {
  pg = await freshPostgres();
  store = await openStore(pg ? { url: pg.url } : {});
  await migrateServer(store);
  hallA = (await createHall(store, { code: '0101', name: 'A', timeZone: 'Asia/Shanghai' }, Date.now())).id;
  hallB = (await createHall(store, { code: '0102', name: 'B', timeZone: 'Asia/Shanghai' }, Date.now())).id;
  const rows = Array.from({ length: N }, (_, k) => customer(k + 1));
  await store.query(
    `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, purchase_count)
     SELECT x.id, x.hall_id, x.data->>'accountNo', x.data, '{}', '0', 'import', 0, '{}', 0
       FROM json_to_recordset($1::json) AS x(id text, hall_id text, data jsonb)`,
    [JSON.stringify(rows.map((d, k) => ({ id: d.id, hall_id: k % 2 ? hallB : hallA, data: d })))],
  );
  await store.query(
    `INSERT INTO cards (card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id)
     SELECT '88' || lpad(g::text, 8, '0'), 'k' || g, $1, 'c' || lpad(g::text, 5, '0'), 'f', 1, 'active', '2026-01-01', 'x', 'x'
       FROM generate_series(1, $2::int, 3) g`,
    [hallA, N],
  );
  await store.query('ANALYZE customers');
}, 60_000);
afterAll(async () => {
  await store?.close();
  await pg?.drop();
});

/** Queries of every kind, drawn from the customers (heads, tails, words, numbers, misses). */
function queries(): string[] {
  const out = [
    '王伟',
    '李娜1',
    'smith',
    '人民路',
    '阳光花园 3栋',
    '琴川 12',
    '0512',
    '5200',
    '8800000004',
    '88000000',
  ];
  for (const i of [1, 4, 9, 12, 35, 60, 111, 280]) {
    const c = customer(i);
    const digits = c.phone.replace(/\D/g, '');
    out.push(c.accountNo, c.accountNo.slice(0, 6), c.phone, digits.slice(0, 5), digits.slice(-4), c.name);
    out.push(c.fullAddress.slice(0, 4), c.idNumber ?? c.creditCode!);
    if (c.altPhone) out.push(c.altPhone.replace(/\D/g, '').slice(-5));
    if (c.meters[0]) out.push(c.meters[0].meterNo, c.meters[0].meterNo.slice(0, 6).toLowerCase());
  }
  out.push('13800000000', 'JK99999999', '不存在的人', '42');
  return out;
}

async function answer(hall: string, cond: { sql: string; params: string[] }) {
  const rows = await store.query<{ id: string }>(
    `SELECT c.id FROM customers c WHERE c.hall_id <> $1 AND ${cond.sql} ORDER BY c.account_no LIMIT $2`,
    [hall, 1000, ...cond.params],
  );
  return rows.map((r) => r.id);
}

describe('customer search at head office on its indexes', () => {
  it('answers every kind of query as the conditions before the indexes did', async () => {
    let nonEmpty = 0;
    for (const q of queries())
      for (const hall of [hallA, hallB]) {
        const now = await answer(hall, lookupConditions(q));
        expect(now, q).toEqual(await answer(hall, before(q)));
        if (now.length > 0) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(40);
    const listed = await lookupCustomers(store, hallA, { query: customer(12).name, limit: 20 });
    expect(listed.items.map((c) => c.accountNo)).toContain(customer(12).accountNo);
  });

  it('lets the trigram and btree indexes answer phone digits, words, meter numbers and ID numbers', async () => {
    const plan = (q: string) =>
      store.tx(async (t) => {
        await t.query('SET LOCAL enable_seqscan = off');
        const c = lookupConditions(q);
        const rows = await t.query<Record<string, string>>(
          `EXPLAIN SELECT c.id FROM customers c WHERE c.hall_id <> $1 AND ${c.sql} AND $2::int > 0`,
          [hallA, 21, ...c.params],
        );
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
    for (const q of ['1380009', customer(12).name, '人民路', customer(4).meters[0]!.meterNo, '0512-5200'])
      expect(await plan(q), q).toContain('customers_search_keys_trgm_idx');
    expect(await plan(customer(8).idNumber!)).toContain('customers_id_number_idx');
    const mixed = await plan('13900000');
    expect(mixed).toContain('BitmapOr');
    expect(mixed).not.toContain('Seq Scan on customers');
  });
});
