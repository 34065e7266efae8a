/**
 * 燃气用量分析 at head office: the card reads of the twelve months up to the month's end (by the reads' time
 * index, migration 0011), the gas sold in them (by the sales' counter-and-date index, every counter named),
 * and the households they name, for the company or one hall; then core/usage/analyse.ts. Also the list of
 * suspects as a table for the .xlsx export (server/reports/xlsx.ts). Runtime: Node.
 */
import { DEFAULT_TIME_ZONE, dayIn } from '../../core/business-day';
import { AppError } from '../../core/errors';
import type { ColumnDef, ReportRow, TableDef } from '../../core/reports/definitions';
import { USER_CLASS_ZH, type UserClass } from '../../core/domain/customer';
import {
  analyseUsage,
  FLAG_NAMES,
  type Household,
  monthBounds,
  type Purchase,
  shiftMonth,
  type Suspect,
  type UsageResult,
} from '../../core/usage/analyse';
import type { UsageQuery } from '../../core/usage/thresholds';
import type { Queryable } from '../pg/store';

export interface UsageAnalysis extends UsageResult {
  /** The business day's zone its months and dates are in. */
  readonly zone: string;
  readonly title: string;
  /** The scope, month and thresholds in words, stated at the top of the page and of the export. */
  readonly filter: string;
}

/**
 * The business day's zone the analysis dates in: the hall's; for the company, the one zone every hall keeps
 * (halls in different zones are analysed one at a time: a month is not the same span of time in each).
 */
function zoneOf(halls: readonly { time_zone: string }[], scoped: { time_zone: string } | null): string {
  if (scoped) return scoped.time_zone;
  const zones = new Set(halls.map((h) => h.time_zone));
  if (zones.size > 1) throw new AppError('USAGE_ZONES_DIFFER');
  return [...zones][0] ?? DEFAULT_TIME_ZONE;
}

export async function runUsageAnalysis(
  q: Queryable,
  query: UsageQuery,
  nowMs: number,
): Promise<UsageAnalysis> {
  const { month, hall, ...t } = query;
  if (month < '2000-01') throw new AppError('REPORT_PERIOD_TOO_EARLY');
  const halls = await q.query<{ id: string; code: string; name: string; time_zone: string }>(
    'SELECT id, code, name, time_zone FROM halls',
  );
  const scoped = hall === undefined ? null : halls.find((h) => h.code === hall);
  if (scoped === undefined) throw new AppError('NOT_FOUND', { detail: `hall ${hall}` });
  const zone = zoneOf(halls, scoped);
  if (month > dayIn(zone, nowMs).slice(0, 7)) throw new AppError('REPORT_PERIOD_IN_FUTURE');
  const counters = await q.query<{ counter_id: string }>(
    'SELECT counter_id FROM counters WHERE counter_id IS NOT NULL',
  );
  const firstMonth = shiftMonth(month, -12);
  const from = monthBounds(firstMonth, zone).start;
  const { end } = monthBounds(month, zone);
  const inHall = (n: number) => (scoped ? `AND c.hall_id = $${n}` : '');
  const hallParam = scoped ? [scoped.id] : [];
  const reads = await q.query<{
    customer_id: string;
    meter_no: string;
    loaded_count: number;
    cumulative_used: string;
    tamper: boolean;
    leak: boolean;
    battery: boolean;
    read_at: string;
  }>(
    // In no order: the analysis orders each household's reads. The flags as booleans, not the JSON.
    `SELECT r.customer_id, r.meter_no, r.loaded_count, r.cumulative_used, r.read_at,
        coalesce((r.status->>'tamper')::boolean, false) AS tamper,
        coalesce((r.status->>'leakAlarm')::boolean, false) AS leak,
        coalesce((r.status->>'lowBattery')::boolean, false) AS battery
       FROM meter_readings r JOIN customers c ON c.id = r.customer_id
      WHERE r.read_at >= $1 AND r.read_at < $2 ${inHall(3)}`,
    [from, end, ...hallParam],
  );
  const sold = await q.query<{ customer_id: string; business_date: string; volume: string }>(
    `SELECT s.customer_id, s.business_date,
        sum(CASE WHEN s.kind = 'gas' THEN 1 ELSE -1 END * abs(s.volume))::bigint AS volume
       FROM sales s JOIN customers c ON c.id = s.customer_id
      WHERE s.counter_id = ANY($3::text[]) AND s.business_date BETWEEN $1 AND $2
        AND s.kind IN ('gas', 'reversal') AND s.status <> 'card_write_failed' ${inHall(4)}
      GROUP BY s.customer_id, s.business_date`,
    [`${firstMonth}-01`, dayIn(zone, (end - 1) * 1000), counters.map((c) => c.counter_id), ...hallParam],
  );
  const ids = [...new Set([...reads.map((r) => r.customer_id), ...sold.map((s) => s.customer_id)])];
  const people = await q.query<{
    id: string;
    account_no: string;
    hall_id: string;
    name: string | null;
    address: string | null;
    user_class: string | null;
    size: string | null;
  }>(
    `SELECT id, account_no, hall_id, data->>'name' AS name, data->>'fullAddress' AS address,
        data->>'userClass' AS user_class, data->>'householdSize' AS size
       FROM customers WHERE id = ANY($1::text[])`,
    [ids],
  );
  const hallName = new Map(halls.map((h) => [h.id, `${h.code} ${h.name}`]));
  const households: Household[] = people.map((p) => ({
    id: p.id,
    accountNo: p.account_no,
    name: p.name ?? '',
    address: p.address ?? '',
    hall: hallName.get(p.hall_id) ?? p.hall_id,
    userClass: p.user_class ?? '',
    householdSize: Number(p.size ?? 0),
  }));
  const result = analyseUsage(
    month,
    households,
    reads.map((r) => ({
      customerId: r.customer_id,
      meterNo: r.meter_no,
      loadedCount: Number(r.loaded_count),
      cumulativeUsed: Number(r.cumulative_used),
      status: { tamper: r.tamper, leakAlarm: r.leak, lowBattery: r.battery },
      readAt: Number(r.read_at),
    })),
    sold.map(
      (s): Purchase => ({
        customerId: s.customer_id,
        businessDate: s.business_date,
        volume: Number(s.volume),
      }),
    ),
    t,
    zone,
  );
  const scopeLabel = scoped ? `营业厅 ${scoped.code} ${scoped.name}` : '全公司';
  const [y, m] = month.split('-').map(Number);
  return {
    ...result,
    zone,
    title: '燃气用量分析',
    filter: `${scopeLabel} · ${y}年${m}月 · 阈值：高于历史 ${t.highFactor} 倍、低于历史 ${Math.round(t.lowFactor * 100)}%、高于同类户 ${t.peerFactor} 倍、跳变 ${t.jumpM3PerDay} m³/天、${t.silenceDays} 天未读卡、购气 ${t.neverLoadedDays} 天未装表`,
  };
}

const col = (key: string, header: string, type: ColumnDef['type']): ColumnDef => ({ key, header, type });

/** The suspects as the export's table. */
export const SUSPECTS_TABLE: TableDef = {
  key: 'suspects',
  title: '疑似异常表具',
  columns: [
    col('account', '户号', 'text'),
    col('name', '户名', 'text'),
    col('address', '地址', 'text'),
    col('hall', '营业厅', 'text'),
    col('userClass', '用气性质', 'text'),
    col('householdSize', '户人口', 'count'),
    col('monthUse', '本月用气（m³）', 'volume'),
    col('historyMedian', '本户历史月中位数（m³）', 'volume'),
    col('peerMedian', '同类户中位数（m³）', 'volume'),
    col('purchased', '本月购气（m³）', 'volume'),
    col('flags', '疑点', 'text'),
    col('evidence', '依据', 'text'),
  ],
  totals: false,
};

export function suspectRow(s: Suspect): ReportRow {
  const row: ReportRow = {
    account: s.accountNo,
    name: s.name,
    address: s.address,
    hall: s.hall,
    userClass: USER_CLASS_ZH[s.userClass as UserClass] ?? s.userClass,
    householdSize: s.householdSize,
    purchased: s.purchased,
    flags: s.flags.map((f) => FLAG_NAMES[f.code]).join('、'),
    evidence: s.flags.map((f) => f.text).join('；'),
  };
  if (s.monthUse !== null) row.monthUse = s.monthUse;
  if (s.historyMedian !== null) row.historyMedian = s.historyMedian;
  if (s.peerMedian !== null) row.peerMedian = s.peerMedian;
  return row;
}
