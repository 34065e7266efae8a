/**
 * A report at head office: validates the period (core/reports/period.ts) and the scope, reads the figures the
 * kind needs, and shapes them as the counter does (core/reports/shape.ts). An export streams the 台帐 page by
 * page; the other reports are a few hundred rows at most. Runtime: Node.
 */
import { DEFAULT_TIME_ZONE, dayIn } from '../../core/business-day';
import {
  DETAILED,
  REPORT_TABLES,
  REPORT_TITLES,
  type Report,
  type ReportKind,
  type ReportQuery,
  type ReportRow,
} from '../../core/reports/definitions';
import { type ResolvedPeriod, resolvePeriod } from '../../core/reports/period';
import { DIMS_OF, type ReportData, shapeReport } from '../../core/reports/shape';
import type { Queryable } from '../pg/store';
import { cashDays, dimRows, ledgerPages, staffNames, trendDays } from './figures';
import { resolveScope, type Scope } from './scope';
import { tablesOf, type XlsxTable } from './xlsx';

const HEAD_OFFICE = '总部更正';

async function prepare(q: Queryable, query: ReportQuery, nowMs: number, detailed: boolean) {
  const period = resolvePeriod(query, dayIn(DEFAULT_TIME_ZONE, nowMs), detailed);
  const scope = await resolveScope(q, query);
  const counterName = (id: string) =>
    scope.names.get(id)?.counter ?? (id === 'headoffice' ? HEAD_OFFICE : id);
  const hallName = (id: string) => scope.names.get(id)?.hall ?? (id === 'headoffice' ? HEAD_OFFICE : id);
  const heading = { from: period.from, to: period.to, filter: `${scope.label} · ${period.label}` };
  return { period, scope, counterName, hallName, heading };
}

async function figures(
  q: Queryable,
  kind: ReportKind,
  period: ResolvedPeriod,
  scope: Scope,
  names: Pick<ReportData, 'counterName' | 'hallName'>,
): Promise<ReportData> {
  const dims = await dimRows(q, DIMS_OF[kind], period, scope.counterIds);
  const staff = await staffNames(q, [...new Set((dims.operator ?? []).map((r) => r.key))]);
  return {
    ...names,
    dims,
    operatorName: (id) => staff.get(id) ?? id,
    cash: kind === 'cash' ? await cashDays(q, period, scope.counterIds) : undefined,
    trend: kind === 'gas' ? await trendDays(q, period, scope.counterIds) : undefined,
  };
}

export async function runReport(
  q: Queryable,
  kind: ReportKind,
  query: ReportQuery,
  nowMs: number,
): Promise<Report> {
  const { period, scope, counterName, hallName, heading } = await prepare(q, query, nowMs, DETAILED[kind]);
  const data = await figures(q, kind, period, scope, { counterName, hallName });
  if (kind !== 'ledger') return shapeReport(kind, data, heading);
  const ledger: ReportRow[] = [];
  for await (const page of ledgerPages(q, period, scope.counterIds, DEFAULT_TIME_ZONE, counterName))
    ledger.push(...page);
  return shapeReport(kind, { ...data, ledger }, heading);
}

/** What an export writes: the heading and each table's rows (the 台帐's as pages read while writing). */
export async function reportForExport(
  q: Queryable,
  kind: ReportKind,
  query: ReportQuery,
  nowMs: number,
): Promise<{ heading: Pick<Report, 'title' | 'filter' | 'from' | 'to'>; tables: XlsxTable[] }> {
  if (kind !== 'ledger') {
    const report = await runReport(q, kind, query, nowMs);
    return { heading: report, tables: tablesOf(report) };
  }
  const { period, scope, counterName, heading } = await prepare(q, query, nowMs, true);
  return {
    heading: { ...heading, title: REPORT_TITLES.ledger },
    tables: [
      {
        def: REPORT_TABLES.ledger[0]!,
        rows: ledgerPages(q, period, scope.counterIds, DEFAULT_TIME_ZONE, counterName),
      },
    ],
  };
}
