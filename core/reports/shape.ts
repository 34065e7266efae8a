/**
 * Turns the figures a side read (the counter from its SQLite, head office from its summary table) into the
 * report's tables, so both answer with the same rows from the same sums. Runtime: any.
 */
import { TENDER_METHODS, TENDER_ZH, type TenderMethod } from '../domain/cash';
import { USER_CLASS_ZH, USER_CLASSES, type UserClass } from '../domain/customer';
import {
  CORRECTION_ITEMS,
  REPORT_TABLES,
  REPORT_TITLES,
  type Report,
  type ReportKind,
  type ReportRow,
} from './definitions';
import { daysBetween } from './period';

/** The summed figures of one group of one dim (see server/migrations/0008_reports.sql for what each holds). */
export interface DimRow {
  readonly key: string;
  readonly counterId: string;
  readonly n: number;
  readonly volume: number;
  readonly amount: number;
  readonly amount2: number;
}

export const DIMS = [
  'class',
  'operator',
  'tier',
  'fee',
  'tender',
  'kind',
  'opened',
  'reprint',
  'acceptance',
  'deposit',
] as const;
export type Dim = (typeof DIMS)[number];

/** The dims each report reads. */
export const DIMS_OF: Record<ReportKind, readonly Dim[]> = {
  gas: ['class', 'tier', 'tender', 'operator'],
  fees: ['fee'],
  corrections: ['kind', 'reprint'],
  accounts: ['opened', 'acceptance'],
  cash: [],
  ledger: [],
};

export interface CashDay {
  readonly date: string;
  readonly shifts: number;
  readonly expected: number;
  readonly counted: number;
  readonly difference: number;
  readonly deposited: number;
}

/** Net gas sold on one business date (the class dim's sums of that day). */
export interface TrendDay {
  readonly date: string;
  readonly n: number;
  readonly volume: number;
  readonly amount: number;
}

/** A trend is by day up to this many days, by month beyond. */
export const TREND_DAILY_MAX_DAYS = 62;

export interface ReportData {
  readonly dims: Partial<Record<Dim, readonly DimRow[]>>;
  /** The gas report's days (only dates with sales), for its trend table. */
  readonly trend?: readonly TrendDay[];
  readonly cash?: readonly CashDay[];
  readonly ledger?: readonly ReportRow[];
  readonly operatorName: (id: string) => string;
  readonly counterName: (counterId: string) => string;
  readonly hallName: (counterId: string) => string;
}

export interface ReportHeading {
  readonly from: string;
  readonly to: string;
  readonly filter: string;
}

type Sums = { n: number; volume: number; amount: number; amount2: number };

/** Sums rows by a key of theirs, in first-seen order (then sorted by the caller when it wants). */
function sumBy(rows: readonly DimRow[], keyOf: (r: DimRow) => string): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const r of rows) {
    const k = keyOf(r);
    const s = out.get(k) ?? { n: 0, volume: 0, amount: 0, amount2: 0 };
    s.n += r.n;
    s.volume += r.volume;
    s.amount += r.amount;
    s.amount2 += r.amount2;
    out.set(k, s);
  }
  return out;
}

const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const gasRow = (label: string, key: string, s: Sums): ReportRow => ({
  [label]: key,
  count: s.n,
  volume: s.volume,
  amount: s.amount,
});

/** The trend's rows: each date, or each month when the period is longer than TREND_DAILY_MAX_DAYS. */
function trendRows(days: readonly TrendDay[], periodDays: number): ReportRow[] {
  const monthly = periodDays > TREND_DAILY_MAX_DAYS;
  const out = new Map<string, { count: number; volume: number; amount: number }>();
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const k = monthly ? d.date.slice(0, 7) : d.date;
    const s = out.get(k) ?? { count: 0, volume: 0, amount: 0 };
    s.count += d.n;
    s.volume += d.volume;
    s.amount += d.amount;
    out.set(k, s);
  }
  return [...out.entries()].map(([period, s]) => ({ period, ...s }));
}

function gasTables(d: ReportData, periodDays: number): Record<string, ReportRow[]> {
  const cls = d.dims.class ?? [];
  const byClass = sumBy(cls, (r) => r.key);
  const tenders = sumBy(d.dims.tender ?? [], (r) => r.key);
  const zero: Sums = { n: 0, volume: 0, amount: 0, amount2: 0 };
  return {
    byClass: USER_CLASSES.map((c) =>
      gasRow('userClass', USER_CLASS_ZH[c as UserClass], byClass.get(c) ?? zero),
    ),
    byTier: sorted(sumBy(d.dims.tier ?? [], (r) => r.key))
      .filter(([, s]) => s.volume !== 0 || s.amount !== 0)
      .map(([k, s]) => ({ tier: k === '0' ? '无阶梯' : `第${k}阶梯`, volume: s.volume, amount: s.amount })),
    byTender: TENDER_METHODS.map((m) => {
      const s = tenders.get(m) ?? zero;
      return { method: TENDER_ZH[m as TenderMethod], count: s.n, taken: s.amount, refunded: s.amount2 };
    }),
    byOperator: sorted(sumBy(d.dims.operator ?? [], (r) => d.operatorName(r.key))).map(([k, s]) =>
      gasRow('operator', k, s),
    ),
    byCounter: sorted(sumBy(cls, (r) => d.counterName(r.counterId))).map(([k, s]) => gasRow('counter', k, s)),
    byHall: sorted(sumBy(cls, (r) => d.hallName(r.counterId))).map(([k, s]) => gasRow('hall', k, s)),
    trend: trendRows(d.trend ?? [], periodDays),
  };
}

function kindSums(rows: readonly DimRow[], kind: string, status?: string): { count: number; amount: number } {
  let count = 0;
  let amount = 0;
  for (const r of rows) {
    const [k, st] = r.key.split('|');
    if (k === kind && (status === undefined || st === status)) {
      count += r.n;
      amount += r.amount;
    }
  }
  return { count, amount };
}

function otherTables(kind: ReportKind, d: ReportData, periodDays: number): Record<string, ReportRow[]> {
  const total = (dim: Dim) => (d.dims[dim] ?? []).reduce((sum, r) => sum + r.n, 0);
  switch (kind) {
    case 'fees':
      return {
        byItem: sorted(sumBy(d.dims.fee ?? [], (r) => r.key)).map(([k, s]) => ({
          item: k,
          qty: s.n,
          amount: s.amount,
        })),
      };
    case 'corrections': {
      const rows = d.dims.kind ?? [];
      const items: [keyof typeof CORRECTION_ITEMS, { count: number; amount: number }][] = [
        ['reversals', kindSums(rows, 'reversal')],
        ['refunds', kindSums(rows, 'refund')],
        ['reprints', { count: total('reprint'), amount: 0 }],
        ['pendingCardWrites', kindSums(rows, 'gas', 'pending_card_write')],
        ['failedCardWrites', kindSums(rows, 'gas', 'card_write_failed')],
        ['headOffice', kindSums(rows, 'correction')],
      ];
      return { items: items.map(([k, v]) => ({ item: CORRECTION_ITEMS[k], ...v })) };
    }
    case 'accounts':
      return {
        opened: [{ item: '新开户', count: total('opened') }],
        acceptances: sorted(sumBy(d.dims.acceptance ?? [], (r) => r.key)).map(([k, s]) => {
          const [code, name] = k.split('|');
          return { type: `${code} ${name ?? ''}`.trim(), count: s.n };
        }),
      };
    case 'cash':
      return { byDate: (d.cash ?? []).map((c) => ({ ...c })) };
    case 'ledger':
      return { entries: [...(d.ledger ?? [])] };
    case 'gas':
      return gasTables(d, periodDays);
  }
}

export function shapeReport(kind: ReportKind, d: ReportData, h: ReportHeading): Report {
  const tables = otherTables(kind, d, daysBetween(h.from, h.to));
  return {
    kind,
    title: REPORT_TITLES[kind],
    filter: h.filter,
    from: h.from,
    to: h.to,
    tables: REPORT_TABLES[kind].map((t) => ({ key: t.key, title: t.title, rows: tables[t.key] ?? [] })),
  };
}
