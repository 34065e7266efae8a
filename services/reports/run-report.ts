/**
 * reports.run: a report of this counter's own data, by the definitions head office uses (core/reports), read
 * through the business-day indexes (db/repos/reports.ts). Read-only. Runtime: Node.
 */
import { dayStart, nextDate } from '../../core/business-day';
import { DETAILED } from '../../core/reports/definitions';
import { resolvePeriod } from '../../core/reports/period';
import { DIMS_OF, type Dim, type DimRow, shapeReport } from '../../core/reports/shape';
import {
  type CounterPeriod,
  counterCashDays,
  counterDimRows,
  counterLedgerRows,
  counterTrendDays,
  getCounter,
  staffNames,
} from '../../db';
import type { Handlers } from '../call';
import { LEDGER_TYPES } from '../../core/reports/definitions';
import { currentBusinessDate } from '../cash/business-date';

export const reportsRun: Handlers['reports.run'] = ({ kind, ...query }, { app }) => {
  const period = resolvePeriod(query, currentBusinessDate(app), DETAILED[kind]);
  const zone = app.timeZone();
  const p: CounterPeriod = {
    from: period.from,
    to: period.to,
    fromIso: new Date(dayStart(zone, period.from)).toISOString(),
    toIso: new Date(dayStart(zone, nextDate(period.to))).toISOString(),
  };
  const sqlite = app.gdb.sqlite;
  const c = getCounter(app.db);
  const counterId = c?.counterId ?? '';
  const dims: Partial<Record<Dim, DimRow[]>> = {};
  for (const dim of DIMS_OF[kind]) dims[dim] = counterDimRows(sqlite, dim, p, counterId);
  const names = staffNames(app.db);
  const operatorName = (id: string) => names.get(id) ?? id;
  const counterLabel = c ? `${c.hallCode}-${c.counterCode} ${c.counterName}` : '';
  const ledger =
    kind === 'ledger'
      ? counterLedgerRows(sqlite, p).map((r) => ({
          at: r.createdAt,
          type: LEDGER_TYPES[r.type] ?? r.type,
          account: r.accountNo ?? r.entityId,
          counter: counterLabel,
          operator: operatorName(r.operatorId),
          approver: r.approverId ? operatorName(r.approverId) : '',
        }))
      : undefined;
  return shapeReport(
    kind,
    {
      dims,
      cash: kind === 'cash' ? counterCashDays(sqlite, p) : undefined,
      trend: kind === 'gas' ? counterTrendDays(sqlite, p) : undefined,
      ledger,
      operatorName,
      counterName: () => counterLabel,
      hallName: () => (c ? `${c.hallCode} ${c.hallName}` : ''),
    },
    { from: period.from, to: period.to, filter: `柜台 ${counterLabel} · ${period.label}` },
  );
};
