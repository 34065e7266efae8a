/**
 * A batch's sales (with their lines and tenders) go in with its ops rows, before the counter's lock: a sale row
 * is the sale payload as the counter wrote it, so nothing under the lock decides it. Their payloads are checked
 * here, once, before the transaction opens (a sale that does not fit is left out, and quarantined under the lock
 * as before); PostgreSQL takes each row from the payload it has just stored, so the sales cross the wire once.
 * A sale's card-write outcome later in the same batch is already its status. Runtime: Node.
 */
import { type SalePayload, salePayloadSchema, saleStatusPayloadSchema } from './payloads';
import type { PushedOp } from './batch';

type Checked<T> = { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };

export const SALE_TYPES = new Set(['sale.gasSold', 'sale.feesPaid', 'sale.reversed', 'sale.refunded']);
export const SALE_STATUS_TYPES = new Set(['sale.cardWritten', 'sale.cardWriteFailed']);

/** The sales of a batch to insert early: their ops' sequence numbers and the status each is stored with. */
export interface EarlySales {
  readonly seqs: number[];
  readonly statuses: string[];
}

type StatusPayload = ReturnType<typeof saleStatusPayloadSchema.parse>;

/** An op's payload check against `schema`, done once: before the transaction (earlySales) or when applied. */
function checked<T>(op: PushedOp, schema: { safeParse(v: unknown): unknown }): Checked<T> {
  if (op.checked === undefined) op.checked = schema.safeParse(op.data);
  return op.checked as Checked<T>;
}

export const checkedSale = (op: PushedOp) => checked<SalePayload>(op, salePayloadSchema);
export const checkedStatus = (op: PushedOp) => checked<StatusPayload>(op, saleStatusPayloadSchema);

/** Checks the sale payloads of a batch (keeping each result on its op) and settles in-batch outcomes. */
export function earlySales(ops: PushedOp[]): EarlySales {
  const seqs: number[] = [];
  const statuses: string[] = [];
  const at = new Map<string, number>();
  for (const op of ops) {
    if (op.data === undefined) continue; // not JSON: quarantined under the lock
    if (SALE_TYPES.has(op.type)) {
      const p = checkedSale(op);
      if (!p.success) continue;
      at.set(p.data.id, seqs.length);
      seqs.push(op.seq);
      statuses.push(p.data.status);
    } else if (SALE_STATUS_TYPES.has(op.type)) {
      const p = checkedStatus(op);
      const i = p.success ? at.get(p.data.saleId) : undefined;
      if (p.success && i !== undefined) statuses[i] = p.data.status;
    }
  }
  return { seqs, statuses };
}

/**
 * The CTEs of the ops INSERT (push-batch.ts) that write the early sales from the freshly stored ops rows `i`
 * (RETURNING seq, payload): $6 the sales' sequence numbers, $7 their statuses. Column names and types as the
 * sale payload (server/push/payloads.ts).
 */
export const EARLY_SALES_SQL = `
  e AS (SELECT v.seq, v.status, i.payload::jsonb AS j
          FROM unnest($6::bigint[], $7::text[]) AS v(seq, status) JOIN i ON i.seq = v.seq),
  s AS (
    INSERT INTO sales (id, counter_id, op_seq, receipt_no, invoice_no, kind, status, customer_id, user_class, shift_id,
      business_date, operator_id, approver_id, volume, amount, balance_used, balance_added, amount_paid, price_version_id,
      corrects_sale_id, reason, created_at)
    SELECT p.id, $1, e.seq, p."receiptNo", p."invoiceNo", p.kind, e.status, p."customerId", p."userClass", p."shiftId",
      p."businessDate", p."operatorId", p."approverId", p.volume, p.amount, p."balanceUsed", p."balanceAdded",
      p."amountPaid", p."priceVersionId", p."correctsSaleId", p.reason, p."createdAt"
    FROM e, jsonb_to_record(e.j) AS p(id text, "receiptNo" text, "invoiceNo" text, kind text, "customerId" text,
      "userClass" text, "shiftId" text, "businessDate" text, "operatorId" text, "approverId" text, volume bigint,
      amount bigint, "balanceUsed" bigint, "balanceAdded" bigint, "amountPaid" bigint, "priceVersionId" text,
      "correctsSaleId" text, reason text, "createdAt" text)
    ON CONFLICT DO NOTHING),
  l AS (
    INSERT INTO sale_lines (sale_id, line_no, kind, tier, fee_item_id, name, volume, price_li, qty, amount)
    SELECT e.j ->> 'id', x.* FROM e, jsonb_to_recordset(e.j -> 'lines') AS x("lineNo" integer, kind text, tier integer,
      "feeItemId" text, name text, volume bigint, "priceLi" bigint, qty integer, amount bigint)
    ON CONFLICT DO NOTHING),
  t AS (
    INSERT INTO sale_tenders (sale_id, line_no, method, amount, received, change, reference)
    SELECT e.j ->> 'id', x.* FROM e, jsonb_to_recordset(e.j -> 'tenders') AS x("lineNo" integer, method text,
      amount bigint, received bigint, change bigint, reference text)
    ON CONFLICT DO NOTHING)`;
