/**
 * The reports' per-counter-day summary (report_days, core/reports) of what a write adds, summed in Node and
 * upserted in the same statement as the rows it sums (write.ts under the counter's lock; revert-report.ts for
 * head office's reverts):
 *  - sales, with their lines and tenders: class / operator (gas net of reversals, card_write_failed left out),
 *    tier (their gas lines), fee (fee lines of fee sales, n = qty), tender (n, amount taken, amount2 paid back),
 *    kind (kind|status of every sale: n, volume, amount paid);
 *  - counted operations: accounts opened, acceptances by type, receipts reprinted, cash deposits. Every fresh op
 *    of these types counts as stored; when the same statement marks one quarantined, the update trigger of
 *    migration 0008_reports takes it back out, as it does for any later change of an op's state. The business
 *    day is the payload's own when it has one, else the op's time in the hall's zone.
 * A sale's later change of status is summed by migration 0008's update trigger on sales; a sale head office
 * reverts is taken back out by server/admin/revert-report.ts. Runtime: Node.
 */
import { dayIn } from '../../core/business-day';
import type { SalePayload } from '../../core/sync/ops/sale-ops';
import type { WireOp } from '../../core/sync/wire';

export interface ReportDayRow {
  readonly dim: string;
  readonly day: string;
  readonly key: string;
  readonly n: number;
  readonly volume: number;
  readonly amount: number;
  readonly amount2: number;
}

/** What the summary reads of a sale: its columns, and the lines and tenders it was written with (if any). */
export type SaleFacts = Pick<
  SalePayload,
  'status' | 'businessDate' | 'userClass' | 'operatorId' | 'volume' | 'amount' | 'amountPaid'
> & {
  /** A counter's kinds, or head office's `correction` of a reverted counter's sale (server/admin/revert-report.ts). */
  readonly kind: SalePayload['kind'] | 'correction';
  readonly lines: readonly Pick<
    SalePayload['lines'][number],
    'kind' | 'tier' | 'volume' | 'amount' | 'name' | 'qty'
  >[];
  readonly tenders: readonly Pick<SalePayload['tenders'][number], 'method' | 'amount'>[];
  /** Taken back out (a sale head office reverted): its every figure summed with the opposite sign. */
  readonly takenBack?: boolean;
};

/** Rows summed per dim, day and key. */
class Sums {
  private readonly rows = new Map<string, { -readonly [K in keyof ReportDayRow]: ReportDayRow[K] }>();

  add(dim: string, day: string, key: string, n: number, volume: number, amount: number, amount2 = 0): void {
    const id = `${dim}\u0000${day}\u0000${key}`;
    const row = this.rows.get(id);
    if (row === undefined) this.rows.set(id, { dim, day, key, n, volume, amount, amount2 });
    else {
      row.n += n;
      row.volume += volume;
      row.amount += amount;
      row.amount2 += amount2;
    }
  }

  list(): ReportDayRow[] {
    return [...this.rows.values()];
  }
}

function addSale(sums: Sums, s: SaleFacts): void {
  const day = s.businessDate;
  const k = s.takenBack ? -1 : 1;
  sums.add('kind', day, `${s.kind}|${s.status}`, k, k * s.volume, k * s.amountPaid);
  for (const t of s.tenders)
    sums.add('tender', day, t.method, k, 0, k * Math.max(t.amount, 0), k * Math.max(-t.amount, 0));
  if (s.kind === 'fee')
    for (const l of s.lines)
      if (l.kind === 'fee') sums.add('fee', day, l.name, k * (l.qty ?? 1), 0, k * l.amount);
  if ((s.kind !== 'gas' && s.kind !== 'reversal') || s.status === 'card_write_failed') return;
  const sg = k * (s.kind === 'gas' ? 1 : -1);
  const volume = sg * Math.abs(s.volume);
  const amount = sg * Math.abs(s.amount);
  sums.add('class', day, s.userClass ?? '', sg, volume, amount);
  sums.add('operator', day, s.operatorId, sg, volume, amount);
  for (const l of s.lines)
    if (l.kind === 'gas')
      sums.add('tier', day, String(l.tier ?? 0), 0, sg * Math.abs(l.volume ?? 0), sg * Math.abs(l.amount));
}

const COUNTED: Readonly<Record<string, string>> = {
  'customer.opened': 'opened',
  'acceptance.recorded': 'acceptance',
  'receipt.reprinted': 'reprint',
  'deposit.recorded': 'deposit',
};

type Payload = { businessDate?: unknown; typeCode?: unknown; typeName?: unknown; amount?: unknown };

function payloadOf(op: WireOp): Payload {
  try {
    const p: unknown = JSON.parse(op.payload);
    return p !== null && typeof p === 'object' ? (p as Payload) : {};
  } catch {
    return {};
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const fen = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

function addCounted(sums: Sums, op: WireOp, timeZone: string): void {
  const dim = COUNTED[op.type];
  if (dim === undefined) return;
  const p = payloadOf(op);
  const day = text(p.businessDate) || dayIn(timeZone, Date.parse(op.createdAt));
  const key = dim === 'acceptance' ? `${text(p.typeCode)}|${text(p.typeName)}` : '';
  sums.add(dim, day, key, 1, 0, fen(p.amount));
}

/** The summary of `sales` written and `ops` stored (the counted ones), summed per dim, day and key. */
export function reportDayRows(
  sales: readonly SaleFacts[],
  ops: readonly WireOp[] = [],
  timeZone = '',
): ReportDayRow[] {
  const sums = new Sums();
  for (const s of sales) addSale(sums, s);
  for (const op of ops) addCounted(sums, op, timeZone);
  return sums.list();
}

/** The statement upserting `rows` (a json_to_recordset source `from`) as report_days of `counter` (SQL). */
export function upsertReportDaysSql(from: string, counter: string): string {
  return `INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
     SELECT x.dim, x.day, ${counter}, x.key, x.n, x.volume, x.amount, x.amount2
       FROM ${from} AS x(dim text, day text, key text, n bigint, volume bigint, amount bigint, amount2 bigint)
     ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
       volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2`;
}
