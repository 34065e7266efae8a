/**
 * Writes imported customers the way head office holds them (server/schema/business.ts: the merged file as
 * core's customerSchema describes it, the balance and purchase count beside it) and publishes each one changed
 * to its hall's counters through the feed, in the shape a counter's pull applies (customerFeedData). Runtime: Node.
 */
import type { GasUseBy } from '../../core/sync/gas-use';
import { uuidv7 } from '../../core/ids';
import type { FeedWrite } from '../feed';
import { hlcAfter } from '../hlc';
import type { Queryable } from '../pg/store';
import { customerFeedData } from '../push/feed-rows';
import { publishCustomers } from './write-sql';

export type Rec = Record<string, unknown>;

/** A customer as it is read for a change. */
export interface CustomerNow {
  readonly id: string;
  readonly hallId: string;
  data: Rec;
  balance: number;
  purchaseCount: number;
  readonly balanceBy: Record<string, number>;
  /** The household's gas use by counter and day; an imported 本年度阶梯用量 is under IMPORTED_USE. */
  gasUseBy: GasUseBy;
  updatedHlc: string;
}

export const IMPORT_ORIGIN = 'import';

/** The file of a new imported customer (customerSchema without `version`). */
export function newCustomerData(v: Rec, nowMs: number): Rec {
  const opened = v.openedOn ? `${v.openedOn as string}T00:00:00.000Z` : new Date(nowMs).toISOString();
  return {
    id: uuidv7(nowMs),
    accountNo: v.accountNo,
    ...importedCustomerFields(v, opened),
    inspection: { status: 'normal', date: null },
    documents: { connectionFeeInvoiceNo: '', registrationFormChecked: false },
    openedAt: opened,
    meters: [],
  };
}

/** The fields a customers file sets (a later file sets them again). */
export function importedCustomerFields(v: Rec, at: string): Rec {
  return {
    name: v.name,
    idNumber: v.idNumber ?? null,
    creditCode: v.creditCode ?? null,
    phone: v.phone,
    altPhone: v.altPhone ?? null,
    address: v.address,
    fullAddress: v.fullAddress,
    userClass: v.userClass,
    householdSize: v.householdSize,
    contract: {
      no: v.contractNo ?? `迁移${v.accountNo as string}`,
      signedOn: (v.openedOn as string | null) ?? at.slice(0, 10),
    },
    status: v.status,
    statusChangedAt: at,
    closedAt: v.status === 'closed' ? at : null,
    notes: v.notes ?? null,
  };
}

/** Locks and reads the customers (in id order, as pushes lock them). */
export async function readCustomers(q: Queryable, ids: string[]): Promise<Map<string, CustomerNow>> {
  const rows = await q.query<CustomerNow>(
    `SELECT id, hall_id AS "hallId", data, balance, purchase_count AS "purchaseCount", balance_by AS "balanceBy",
            gas_use_by AS "gasUseBy", updated_hlc AS "updatedHlc"
       FROM customers WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

const feedOf = (c: CustomerNow): FeedWrite => ({
  hallId: c.hallId,
  kind: 'customer',
  key: c.id,
  data: customerFeedData({ ...c, data: c.data }),
  originCounterId: null,
});

/** Inserts new customers and publishes them (write-sql.ts). */
export async function insertCustomers(
  q: Queryable,
  rows: { hallId: string; data: Rec; balance: number }[],
  nowMs: number,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, purchase_count)
     SELECT x.id, x.hall_id, x.data->>'accountNo', x.data, '{}', $2, '${IMPORT_ORIGIN}', x.balance, '{}', 0
       FROM json_to_recordset($1::json) AS x(id text, hall_id text, data jsonb, balance bigint)`,
    [
      JSON.stringify(
        rows.map((r) => ({ id: r.data.id, hall_id: r.hallId, data: r.data, balance: r.balance })),
      ),
      hlcAfter(nowMs),
    ],
  );
  await publishCustomers(
    q,
    rows.map((r) => r.data.id as string),
  );
}

/** Writes the changed customers back (data, balance, count, a new HLC each); returns their feed entries. */
export async function updateCustomers(
  q: Queryable,
  changed: CustomerNow[],
  nowMs: number,
): Promise<FeedWrite[]> {
  if (changed.length === 0) return [];
  for (const c of changed) c.updatedHlc = hlcAfter(nowMs, c.updatedHlc);
  await q.query(
    `UPDATE customers c SET data = x.data, balance = x.balance, purchase_count = x.purchase_count,
       gas_use_by = x.gas_use_by, updated_hlc = x.hlc
       FROM json_to_recordset($1::json) AS x(id text, data jsonb, balance bigint, purchase_count int, gas_use_by jsonb,
         hlc text)
      WHERE c.id = x.id`,
    [
      JSON.stringify(
        changed.map((c) => ({
          id: c.id,
          data: c.data,
          balance: c.balance,
          purchase_count: c.purchaseCount,
          gas_use_by: c.gasUseBy,
          hlc: c.updatedHlc,
        })),
      ),
    ],
  );
  return changed.map(feedOf);
}
