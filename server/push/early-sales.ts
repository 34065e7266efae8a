/**
 * A batch's sales (with their lines and tenders) go in with its ops rows, before the counter's lock: a sale row
 * is the sale payload as the counter wrote it, so nothing under the lock decides it. Their payloads are checked
 * here, once, before the transaction opens (a sale that does not fit is left out, and quarantined under the lock
 * as before), and the rows go to PostgreSQL column by column from those checked payloads (having PostgreSQL parse
 * the stored payloads again cost it ~6 ms more a batch of 500). A sale's card-write outcome later in the same
 * batch is already its status. Runtime: Node.
 */
import { type SalePayload, salePayloadSchema, saleStatusPayloadSchema } from './payloads';
import { binaryArray, type ElementType } from '../pg/binary-array';
import type { PushedOp } from './batch';
import { isSalePayload } from './sale-shape';

type Checked<T> = { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };

export const SALE_TYPES = new Set(['sale.gasSold', 'sale.feesPaid', 'sale.reversed', 'sale.refunded']);
export const SALE_STATUS_TYPES = new Set(['sale.cardWritten', 'sale.cardWriteFailed']);

type StatusPayload = ReturnType<typeof saleStatusPayloadSchema.parse>;

/**
 * An op's payload check against `schema`, done once: before the transaction (earlySales) or when applied. Kept
 * as plain data, as it crosses from a prepare worker to the serving thread: when it passed, the payload itself
 * (these schemas have no defaults or transforms, only keys they ignore); when it failed, the messages (an error
 * object would lose them crossing).
 */
function checked<T>(
  op: PushedOp,
  schema: { safeParse(v: unknown): unknown },
  quick?: (v: unknown) => boolean,
): Checked<T> {
  if (op.checked === undefined) {
    const r = quick?.(op.data)
      ? ({ success: true, data: op.data } as const)
      : (schema.safeParse(op.data) as Checked<unknown>);
    op.checked = r.success
      ? { success: true, data: op.data }
      : { success: false, error: { issues: r.error.issues.map((i) => ({ message: i.message })) } };
  }
  return op.checked as Checked<T>;
}

/**
 * What the serving thread reads of a sale that passed its check (apply-money.ts, preload.ts, the digests): once
 * its row is made, the sale's payload on the op is cut down to these (earlySales), so that the rest — lines,
 * tenders, most columns — never crosses from the prepare worker.
 */
export type SaleFigures = Pick<
  SalePayload,
  'id' | 'customerId' | 'balanceAdded' | 'balanceUsed' | 'amountPaid' | 'volume'
> & { cardNo?: string };

const figures = (p: SalePayload & { cardNo?: unknown }): SaleFigures => ({
  id: p.id,
  customerId: p.customerId,
  balanceAdded: p.balanceAdded,
  balanceUsed: p.balanceUsed,
  amountPaid: p.amountPaid,
  volume: p.volume,
  ...(typeof p.cardNo === 'string' ? { cardNo: p.cardNo } : {}),
});

export const checkedSale = (op: PushedOp) => checked<SaleFigures>(op, salePayloadSchema, isSalePayload);
const checkedFull = (op: PushedOp) => checked<SalePayload>(op, salePayloadSchema, isSalePayload);
export const checkedStatus = (op: PushedOp) => checked<StatusPayload>(op, saleStatusPayloadSchema);

type Column<T> = readonly [db: string, type: ElementType, get: (row: T) => unknown];

const SALE_COLUMNS: Column<SalePayload>[] = [
  ['id', 'text', (p) => p.id],
  ['receipt_no', 'text', (p) => p.receiptNo],
  ['invoice_no', 'text', (p) => p.invoiceNo],
  ['kind', 'text', (p) => p.kind],
  ['customer_id', 'text', (p) => p.customerId],
  ['user_class', 'text', (p) => p.userClass],
  ['shift_id', 'text', (p) => p.shiftId],
  ['business_date', 'text', (p) => p.businessDate],
  ['operator_id', 'text', (p) => p.operatorId],
  ['approver_id', 'text', (p) => p.approverId],
  ['volume', 'bigint', (p) => p.volume],
  ['amount', 'bigint', (p) => p.amount],
  ['balance_used', 'bigint', (p) => p.balanceUsed],
  ['balance_added', 'bigint', (p) => p.balanceAdded],
  ['amount_paid', 'bigint', (p) => p.amountPaid],
  ['price_version_id', 'text', (p) => p.priceVersionId],
  ['corrects_sale_id', 'text', (p) => p.correctsSaleId],
  ['reason', 'text', (p) => p.reason],
  ['created_at', 'text', (p) => p.createdAt],
];
type Line = SalePayload['lines'][number];
const LINE_COLUMNS: Column<Line>[] = [
  ['line_no', 'integer', (l) => l.lineNo],
  ['kind', 'text', (l) => l.kind],
  ['tier', 'integer', (l) => l.tier],
  ['fee_item_id', 'text', (l) => l.feeItemId],
  ['name', 'text', (l) => l.name],
  ['volume', 'bigint', (l) => l.volume],
  ['price_li', 'bigint', (l) => l.priceLi],
  ['qty', 'integer', (l) => l.qty],
  ['amount', 'bigint', (l) => l.amount],
];
type Tender = SalePayload['tenders'][number];
const TENDER_COLUMNS: Column<Tender>[] = [
  ['line_no', 'integer', (t) => t.lineNo],
  ['method', 'text', (t) => t.method],
  ['amount', 'bigint', (t) => t.amount],
  ['received', 'bigint', (t) => t.received],
  ['change', 'bigint', (t) => t.change],
  ['reference', 'text', (t) => t.reference],
];

/**
 * The sales of a batch to insert early, column by column (one binary array per column, as PostgreSQL's unnest
 * takes them, made here rather than by the database driver on the serving thread): each sale with its op's
 * sequence number and the status it is stored with; each line and tender with its sale's op sequence number
 * and sale id. In the order of EARLY_SALES_SQL's parameters.
 */
export interface EarlySales {
  readonly params: Uint8Array[];
}

/**
 * Checks the sale payloads of a batch (keeping each result on its op), settles in-batch outcomes, makes the
 * rows, and leaves each checked sale's figures on its op in place of its payload.
 */
export function earlySales(ops: PushedOp[]): EarlySales {
  const seqs: number[] = [];
  const statuses: string[] = [];
  const sales: SalePayload[] = [];
  const at = new Map<string, number>();
  for (const op of ops) {
    if (op.data === undefined || op.unstorable) continue; // quarantined under the lock
    if (SALE_TYPES.has(op.type)) {
      const p = checkedFull(op);
      if (!p.success) continue;
      at.set(p.data.id, seqs.length);
      seqs.push(op.seq);
      statuses.push(p.data.status);
      sales.push(p.data);
    } else if (SALE_STATUS_TYPES.has(op.type)) {
      const p = checkedStatus(op);
      const i = p.success ? at.get(p.data.saleId) : undefined;
      if (p.success && i !== undefined) statuses[i] = p.data.status;
    }
  }
  // Lines and tenders with their sale's op sequence number and id.
  const lines = sales.flatMap((s, i) => s.lines.map((row) => ({ seq: seqs[i]!, id: s.id, row })));
  const tenders = sales.flatMap((s, i) => s.tenders.map((row) => ({ seq: seqs[i]!, id: s.id, row })));
  const columns = <T>(cols: Column<T>[], rows: T[]) =>
    cols.map(([, type, get]) => binaryArray(type, rows.map(get) as (string | number | null)[]));
  const owned = <T>(cols: Column<T>[], rows: { seq: number; id: string; row: T }[]) => [
    binaryArray(
      'bigint',
      rows.map((r) => r.seq),
    ),
    binaryArray(
      'text',
      rows.map((r) => r.id),
    ),
    ...columns(
      cols,
      rows.map((r) => r.row),
    ),
  ];
  const params = [
    binaryArray('bigint', seqs),
    binaryArray('text', statuses),
    ...columns(SALE_COLUMNS, sales),
    ...owned(LINE_COLUMNS, lines),
    ...owned(TENDER_COLUMNS, tenders),
  ];
  for (const op of ops) {
    const c = op.checked as Checked<SalePayload> | undefined;
    if (SALE_TYPES.has(op.type) && c?.success) {
      op.data = figures(c.data);
      op.checked = { success: true, data: op.data };
    }
  }
  return { params };
}

/** `unnest($n::type[], …) AS alias(seq, …columns)` for the columns, numbering parameters from `first`. */
function unnest(first: number, alias: string, names: string[], types: string[]): string {
  const args = types.map((t, i) => `$${first + i}::${t}[]`).join(', ');
  return `unnest(${args}) AS ${alias}(${names.map((n) => `"${n}"`).join(', ')})`;
}

const names = <T>(cols: Column<T>[]) => cols.map(([db]) => db);
const types = <T>(cols: Column<T>[]) => cols.map(([, type]) => type);

/**
 * The CTEs of the ops INSERT (push-batch.ts) that write the early sales of the ops rows it has just stored
 * (`i`, RETURNING seq): parameters from `first` on are EarlySales.params; $1 is the counter. Rows of ops that
 * were already held (a duplicate delivery) are skipped by the join, as their ops were; with `onConflict`, so is
 * a sale whose id head office already holds (without, such a sale fails the statement, as the ops do). Lines
 * and tenders go in only with the sale row that went in (`s`): their keys cannot be taken already, the sale
 * schema refusing a line or tender number given twice, so they need no ON CONFLICT (which cost PostgreSQL
 * ~0.8 ms a batch of 500).
 */
export function earlySalesSql(first: number, onConflict: boolean): string {
  const sale = names(SALE_COLUMNS);
  const lineFirst = first + 2 + SALE_COLUMNS.length;
  const tenderFirst = lineFirst + 2 + LINE_COLUMNS.length;
  const line = names(LINE_COLUMNS);
  const tender = names(TENDER_COLUMNS);
  return `
  s AS (
    INSERT INTO sales (counter_id, op_seq, status, ${sale.join(', ')})
    SELECT $1, v.seq, v.status, ${sale.map((n) => `v."${n}"`).join(', ')}
    FROM ${unnest(first, 'v', ['seq', 'status', ...sale], ['bigint', 'text', ...types(SALE_COLUMNS)])}
    JOIN i ON i.seq = v.seq
    ${onConflict ? 'ON CONFLICT DO NOTHING ' : ''}RETURNING id, op_seq),
  l AS (
    INSERT INTO sale_lines (sale_id, ${line.join(', ')})
    SELECT v.sale_id, ${line.map((n) => `v."${n}"`).join(', ')}
    FROM ${unnest(lineFirst, 'v', ['seq', 'sale_id', ...line], ['bigint', 'text', ...types(LINE_COLUMNS)])}
    JOIN s ON s.id = v.sale_id AND s.op_seq = v.seq),
  t AS (
    INSERT INTO sale_tenders (sale_id, ${tender.join(', ')})
    SELECT v.sale_id, ${tender.map((n) => `v."${n}"`).join(', ')}
    FROM ${unnest(tenderFirst, 'v', ['seq', 'sale_id', ...tender], ['bigint', 'text', ...types(TENDER_COLUMNS)])}
    JOIN s ON s.id = v.sale_id AND s.op_seq = v.seq)`;
}
