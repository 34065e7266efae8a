/**
 * The reports' summary of a push's counted operations (core/reports): accounts opened, acceptances by type,
 * receipts reprinted, cash deposits, as report_days rows for their business day, written by the push under
 * the counter's lock (write.ts). Every fresh op of these types counts as stored; when the same statement marks
 * one quarantined, the update trigger of migration 0008_reports takes it back out, as for any later change of
 * state. The business day is the payload's own when it has one, else the op's time in the hall's zone.
 * Runtime: Node.
 */
import { dayIn } from '../../core/business-day';
import type { WireOp } from '../../core/sync/wire';

export interface ReportDayRow {
  readonly dim: string;
  readonly day: string;
  readonly key: string;
  readonly n: number;
  readonly amount: number;
}

const DIMS: Readonly<Record<string, string>> = {
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

/** The counted ops of `ops`, summed per dim, day and key. */
export function reportOpRows(ops: readonly WireOp[], timeZone: string): ReportDayRow[] {
  const sums = new Map<string, { dim: string; day: string; key: string; n: number; amount: number }>();
  for (const op of ops) {
    const dim = DIMS[op.type];
    if (dim === undefined) continue;
    const p = payloadOf(op);
    const day = text(p.businessDate) || dayIn(timeZone, Date.parse(op.createdAt));
    const key = dim === 'acceptance' ? `${text(p.typeCode)}|${text(p.typeName)}` : '';
    const id = `${dim}\u0000${day}\u0000${key}`;
    const row = sums.get(id) ?? { dim, day, key, n: 0, amount: 0 };
    row.n += 1;
    row.amount += fen(p.amount);
    sums.set(id, row);
  }
  return [...sums.values()];
}
