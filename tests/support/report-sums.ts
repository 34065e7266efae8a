/**
 * Test support: what each report should say, summed directly over the operations a ledger holds (the
 * counter's outbox, or what head office stored from every counter), with no SQL, no summary table and no
 * shared code with the reports themselves — then both sides reduced to { table → { row label → figures } }
 * for comparison, rows that are all zero left out.
 */
import { dayIn } from '../../core/business-day';
import { TENDER_ZH, type TenderMethod } from '../../core/domain/cash';
import { USER_CLASS_ZH, type UserClass } from '../../core/domain/customer';
import { LEDGER_TYPES, type Report, type ReportKind } from '../../core/reports/definitions';

export interface PlainOp {
  readonly counterId: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
}

type Figures = Record<string, number>;
export type Tables = Record<string, Record<string, Figures>>;

function add(t: Tables, table: string, label: string, f: Figures): void {
  const rows = t[table] ?? {};
  t[table] = rows;
  const row = rows[label] ?? {};
  rows[label] = row;
  for (const [k, v] of Object.entries(f)) row[k] = (row[k] ?? 0) + v;
}

/** Drops zero figures, rows left with none, and tables left empty: a zero and an absent row say the same. */
export function pruned(t: Tables): Tables {
  const out: Tables = {};
  for (const [table, rows] of Object.entries(t))
    for (const [label, f] of Object.entries(rows)) {
      const kept = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== 0));
      if (Object.keys(kept).length > 0) add(out, table, label, kept);
    }
  return out;
}

/** A report's tables in the same shape (first column the label; text columns other than it dropped). */
export function tablesOfReport(r: Report, skip: readonly string[] = []): Tables {
  const t: Tables = {};
  for (const table of r.tables) {
    if (skip.includes(table.key)) continue;
    for (const row of table.rows) {
      if (table.key === 'entries') {
        add(t, 'entries', `${row.at} ${row.type}`, { n: 1 });
        continue;
      }
      const [labelKey, ...rest] = Object.keys(row);
      const f: Figures = {};
      for (const k of rest) if (typeof row[k] === 'number') f[k] = row[k] as number;
      add(t, table.key, String(row[labelKey!]), f);
    }
  }
  return pruned(t);
}

interface Sale {
  kind: string;
  status: string;
  userClass: string | null;
  operatorId: string;
  businessDate: string;
  volume: number;
  amount: number;
  amountPaid: number;
  lines: {
    kind: string;
    tier: number | null;
    name: string;
    volume: number | null;
    qty: number | null;
    amount: number;
  }[];
  tenders: { method: string; amount: number }[];
}

const SALE_TYPES = new Set(['sale.gasSold', 'sale.feesPaid', 'sale.reversed', 'sale.refunded']);

export function expectedTables(
  kind: ReportKind,
  ops: readonly PlainOp[],
  from: string,
  to: string,
  zone: string,
  names: ReadonlyMap<string, string>,
): Tables {
  const t: Tables = {};
  const inPeriod = (d: string) => d >= from && d <= to;
  const monthly = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > 62;
  const name = (id: string) => names.get(id) ?? id;
  const sales = new Map<string, Sale>();
  for (const o of ops) {
    if (SALE_TYPES.has(o.type)) sales.set(String(o.payload.id), { ...(o.payload as unknown as Sale) });
    if (o.type === 'sale.cardWritten' || o.type === 'sale.cardWriteFailed') {
      const s = sales.get(String(o.payload.saleId));
      if (s) s.status = String(o.payload.status);
    }
  }
  for (const s of sales.values()) {
    if (!inPeriod(s.businessDate)) continue;
    const gas = (s.kind === 'gas' || s.kind === 'reversal') && s.status !== 'card_write_failed';
    const sign = s.kind === 'gas' ? 1 : -1;
    if (kind === 'gas') {
      if (gas) {
        const f = { count: sign, volume: sign * Math.abs(s.volume), amount: sign * Math.abs(s.amount) };
        add(t, 'byClass', USER_CLASS_ZH[s.userClass as UserClass] ?? '', f);
        add(t, 'byOperator', name(s.operatorId), f);
        // The trend: by day, or by month over a period longer than two months (core/reports/shape.ts).
        add(t, 'trend', monthly ? s.businessDate.slice(0, 7) : s.businessDate, f);
        for (const l of s.lines.filter((x) => x.kind === 'gas'))
          add(t, 'byTier', l.tier ? `第${l.tier}阶梯` : '无阶梯', {
            volume: sign * Math.abs(l.volume ?? 0),
            amount: sign * Math.abs(l.amount),
          });
      }
      for (const x of s.tenders)
        add(t, 'byTender', TENDER_ZH[x.method as TenderMethod], {
          count: 1,
          taken: Math.max(x.amount, 0),
          refunded: Math.max(-x.amount, 0),
        });
    }
    if (kind === 'fees' && s.kind === 'fee')
      for (const l of s.lines.filter((x) => x.kind === 'fee'))
        add(t, 'byItem', l.name, { qty: l.qty ?? 1, amount: l.amount });
    if (kind === 'corrections') {
      const item =
        s.kind === 'reversal'
          ? '冲正'
          : s.kind === 'refund'
            ? '退款'
            : s.kind === 'gas' && s.status === 'pending_card_write'
              ? '已收款未写卡'
              : s.kind === 'gas' && s.status === 'card_write_failed'
                ? '写卡失败'
                : null;
      if (item) add(t, 'items', item, { count: 1, amount: s.amountPaid });
    }
  }
  for (const o of ops) {
    const p = o.payload;
    const day = typeof p.businessDate === 'string' ? p.businessDate : dayIn(zone, Date.parse(o.createdAt));
    if (!inPeriod(day)) continue;
    if (kind === 'accounts' && o.type === 'customer.opened') add(t, 'opened', '新开户', { count: 1 });
    if (kind === 'accounts' && o.type === 'acceptance.recorded')
      add(t, 'acceptances', `${p.typeCode} ${p.typeName}`, { count: 1 });
    if (kind === 'cash' && o.type === 'deposit.recorded')
      add(t, 'byDate', day, { deposited: Number(p.amount) });
    if (kind === 'ledger' && LEDGER_TYPES[o.type] !== undefined)
      add(t, 'entries', `${o.createdAt} ${LEDGER_TYPES[o.type]}`, { n: 1 });
  }
  if (kind === 'cash') {
    const shifts = new Map<
      string,
      { businessDate: string; expected?: number; counted?: number; difference?: number }
    >();
    for (const o of ops)
      if (o.type === 'shift.opened') shifts.set(String(o.payload.id), o.payload as never);
      else if (o.type === 'shift.closed') {
        const s = o.payload.shift as { id: string };
        shifts.set(s.id, s as never);
      }
    for (const s of shifts.values())
      if (inPeriod(s.businessDate))
        add(t, 'byDate', s.businessDate, {
          shifts: 1,
          expected: s.expected ?? 0,
          counted: s.counted ?? 0,
          difference: s.difference ?? 0,
        });
  }
  return pruned(t);
}
