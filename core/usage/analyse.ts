/**
 * 燃气用量分析: from what card reads brought back (the meter's cumulative use, load count, alarm flags, each
 * with the meter's time) and what was sold, each household's gas use per month, compared with its own
 * history and with similar households (same user class and household size, same month — so the same season),
 * and the flags of a suspect meter, each explained in Chinese with its evidence:
 * - 购气后零用气: bought gas this month or last, yet the meter used none this month (while it used gas before);
 * - 用量骤增 / 用量骤减: this month's use far above / below the household's own median month;
 * - 远高于同类户: far above the median of similar households this month;
 * - 购气未装表: a read long after a purchase still shows the meter's old load count;
 * - 累计倒退 / 累计跳变: the meter's cumulative use going backwards, or rising faster than any household burns;
 * - 表具报警: a read this month carried a tamper, leak or low-battery flag;
 * - 长期未读卡: the household buys gas but no card read came back for a long time.
 * A month's use is the cumulative of the month's last read less that of the last read before the month, on
 * the same meter; a month without both is not measured (and compared with nothing). Volumes in 0.01 m³.
 * Runtime: any.
 */
import { DEFAULT_TIME_ZONE, dayIn, dayStart } from '../business-day';
import { formatCubicMetres } from '../quantities';
import type { UsageThresholds } from './thresholds';

export interface Reading {
  readonly customerId: string;
  readonly meterNo: string;
  readonly loadedCount: number;
  readonly cumulativeUsed: number;
  readonly status: { readonly lowBattery?: boolean; readonly tamper?: boolean; readonly leakAlarm?: boolean };
  /** Unix seconds, as the meter wrote it. */
  readonly readAt: number;
}

export interface Purchase {
  readonly customerId: string;
  readonly businessDate: string;
  /** Net volume (a reversal negative), 0.01 m³. */
  readonly volume: number;
}

export interface Household {
  readonly id: string;
  readonly accountNo: string;
  readonly name: string;
  readonly address: string;
  readonly hall: string;
  readonly userClass: string;
  readonly householdSize: number;
}

export const FLAG_CODES = [
  'zero_after_purchase',
  'high_vs_history',
  'low_vs_history',
  'high_vs_peers',
  'never_loaded',
  'backwards',
  'jump',
  'tamper',
  'leak',
  'low_battery',
  'silent',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const FLAG_NAMES: Record<FlagCode, string> = {
  zero_after_purchase: '购气后零用气',
  high_vs_history: '用量骤增',
  low_vs_history: '用量骤减',
  high_vs_peers: '远高于同类户',
  never_loaded: '购气未装表',
  backwards: '累计倒退',
  jump: '累计跳变',
  tamper: '表具报警：拆表/攻击',
  leak: '表具报警：泄漏',
  low_battery: '表具报警：电池欠压',
  silent: '长期未读卡',
};

export interface Flag {
  readonly code: FlagCode;
  /** What was seen, in Chinese, with the figures. */
  readonly text: string;
}

export interface Suspect extends Household {
  /** This month's use (0.01 m³), null when not measured. */
  readonly monthUse: number | null;
  readonly historyMedian: number | null;
  readonly peerMedian: number | null;
  /** Net gas bought this month (0.01 m³). */
  readonly purchased: number;
  readonly flags: readonly Flag[];
}

export interface UsageResult {
  readonly month: string;
  /** Households with a read or a purchase in the year up to the month's end. */
  readonly households: number;
  /** Of them, those whose month's use was measured. */
  readonly measured: number;
  readonly suspects: readonly Suspect[];
}

const DAY_S = 86_400;
const m3 = (v: number) => `${formatCubicMetres(v)} m³`;
/** A read's date (its time in seconds) as the hall sees it, in its business day's zone (core/business-day.ts). */
const dateOf = (zone: string, sec: number) => dayIn(zone, sec * 1000);
/** 'YYYY-MM' as a count of months, to step from one month to the next without dates. */
const monthNo = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
/** The first second of a business date in `zone`. */
const dayStartSec = (zone: string, date: string) => Math.floor(dayStart(zone, date) / 1000);

/** The first second of a month in the hall's zone and of the one after. */
export function monthBounds(month: string, zone = DEFAULT_TIME_ZONE): { start: number; end: number } {
  return { start: dayStartSec(zone, `${month}-01`), end: dayStartSec(zone, `${shiftMonth(month, 1)}-01`) };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** The use of each month the reads measure: last read of the month less last read before it, same meter. */
function monthlyUse(reads: readonly Reading[], zone: string): Map<string, number> {
  const lastOf = new Map<string, Reading>();
  for (const r of reads) lastOf.set(dateOf(zone, r.readAt).slice(0, 7), r); // reads are in time order
  const months = [...lastOf.keys()].sort();
  const out = new Map<string, number>();
  for (let i = 1; i < months.length; i++) {
    const a = lastOf.get(months[i - 1]!)!;
    const b = lastOf.get(months[i]!)!;
    if (a.meterNo !== b.meterNo || b.cumulativeUsed < a.cumulativeUsed) continue;
    // Use over several months since the previous read is not this month's alone: only a consecutive month counts.
    if (monthNo(months[i - 1]!) + 1 !== monthNo(months[i]!)) continue;
    out.set(months[i]!, b.cumulativeUsed - a.cumulativeUsed);
  }
  return out;
}

const peerKey = (h: Household) => `${h.userClass}|${Math.min(h.householdSize, 5)}`;

interface Work {
  /** The business day's zone the analysis dates in. */
  readonly zone: string;
  readonly h: Household;
  readonly reads: Reading[];
  readonly buys: Purchase[];
  readonly use: Map<string, number>;
}

function readFlags(w: Work, month: string, t: UsageThresholds, flags: Flag[]): void {
  const { start, end } = monthBounds(month, w.zone);
  const before = w.reads.filter((r) => r.readAt < start).at(-1);
  const inMonth = w.reads.filter((r) => r.readAt >= start && r.readAt < end);
  const seq = before ? [before, ...inMonth] : inMonth;
  for (let i = 1; i < seq.length; i++) {
    const a = seq[i - 1]!;
    const b = seq[i]!;
    if (a.meterNo !== b.meterNo) continue;
    if (b.cumulativeUsed < a.cumulativeUsed)
      flags.push({
        code: 'backwards',
        text: `表 ${b.meterNo} 累计用气由 ${m3(a.cumulativeUsed)}（${dateOf(w.zone, a.readAt)}）倒退为 ${m3(b.cumulativeUsed)}（${dateOf(w.zone, b.readAt)}）`,
      });
    else {
      const days = Math.max((b.readAt - a.readAt) / DAY_S, 1);
      const perDay = (b.cumulativeUsed - a.cumulativeUsed) / 100 / days;
      if (perDay > t.jumpM3PerDay)
        flags.push({
          code: 'jump',
          text: `表 ${b.meterNo} 累计用气 ${dateOf(w.zone, a.readAt)} 至 ${dateOf(w.zone, b.readAt)} 增加 ${m3(b.cumulativeUsed - a.cumulativeUsed)}，约每天 ${perDay.toFixed(1)} m³，超过 ${t.jumpM3PerDay} m³/天`,
        });
    }
  }
  const alarms: [FlagCode, 'tamper' | 'leakAlarm' | 'lowBattery'][] = [
    ['tamper', 'tamper'],
    ['leak', 'leakAlarm'],
    ['low_battery', 'lowBattery'],
  ];
  for (const [code, key] of alarms) {
    const hit = inMonth.find((r) => r.status[key]);
    if (hit)
      flags.push({
        code,
        text: `${dateOf(w.zone, hit.readAt)} 读卡时表具报 ${FLAG_NAMES[code].split('：')[1]}`,
      });
  }
  // 购气未装表: the meter's load count grew less, since the first read of the year, than the purchases made
  // since then and long enough before the month's last read. Told by the month's last read only.
  const later = inMonth.at(-1);
  const first = w.reads[0];
  if (later && first && first !== later && first.meterNo === later.meterNo) {
    const due = w.buys.filter(
      (p) =>
        p.volume > 0 &&
        dayStartSec(w.zone, p.businessDate) > first.readAt &&
        dayStartSec(w.zone, p.businessDate) <= later.readAt - t.neverLoadedDays * DAY_S,
    );
    const loads = later.loadedCount - first.loadedCount;
    if (loads < due.length) {
      const last = due.at(-1)!;
      flags.push({
        code: 'never_loaded',
        text: `${dateOf(w.zone, first.readAt)} 以来购气 ${due.length} 次，到 ${dateOf(w.zone, later.readAt)} 读卡表内装气次数只增加 ${loads} 次（${first.loadedCount} → ${later.loadedCount}）；最近一次 ${last.businessDate} 购气 ${m3(last.volume)}`,
      });
    }
  }
}

/** The month before and the month a year before (computed once per month analysed, not per household). */
let around = { month: '', monthBefore: '', yearBefore: '' };
function neighbours(month: string) {
  if (around.month !== month)
    around = { month, monthBefore: shiftMonth(month, -1), yearBefore: shiftMonth(month, -12) };
  return around;
}

function flagsOfUse(w: Work, month: string, t: UsageThresholds, peerMedian: number | null, flags: Flag[]) {
  const { monthBefore, yearBefore } = neighbours(month);
  const use = w.use.get(month);
  const history = [...w.use.entries()].filter(([m]) => m < month && m >= yearBefore).map(([, v]) => v);
  const hist = history.length >= t.minHistoryMonths ? median(history) : null;
  const bought = (m: string) =>
    w.buys.filter((p) => p.businessDate.startsWith(m)).reduce((s, p) => s + p.volume, 0);
  if (use === undefined) return hist;
  const recent = bought(month) + bought(monthBefore);
  if (use === 0 && recent > 0 && (hist ?? 0) > 0)
    flags.push({
      code: 'zero_after_purchase',
      text: `本月及上月购气 ${m3(recent)}，表计本月用气为 0（此前每月约 ${m3(hist ?? 0)}）`,
    });
  if (hist !== null && hist > 0 && use > t.highFactor * hist)
    flags.push({
      code: 'high_vs_history',
      text: `本月用气 ${m3(use)}，是本户近 ${history.length} 个月中位数 ${m3(hist)} 的 ${(use / hist).toFixed(1)} 倍（阈值 ${t.highFactor} 倍）`,
    });
  if (hist !== null && hist >= 100 && use > 0 && use < t.lowFactor * hist)
    flags.push({
      code: 'low_vs_history',
      text: `本月用气 ${m3(use)}，不到本户近 ${history.length} 个月中位数 ${m3(hist)} 的 ${Math.round(t.lowFactor * 100)}%`,
    });
  if (peerMedian !== null && peerMedian > 0 && use > t.peerFactor * peerMedian)
    flags.push({
      code: 'high_vs_peers',
      text: `本月用气 ${m3(use)}，是同类户（同用气性质、同户人口）本月中位数 ${m3(peerMedian)} 的 ${(use / peerMedian).toFixed(1)} 倍`,
    });
  return hist;
}

function silence(w: Work, month: string, t: UsageThresholds): Flag | null {
  const { end } = monthBounds(month, w.zone);
  const last = w.reads.at(-1);
  const lastBuy = w.buys.filter((p) => p.volume > 0).at(-1);
  if (!lastBuy) return null;
  const quiet = last ? Math.floor((end - last.readAt) / DAY_S) : null;
  if (quiet !== null && (quiet <= t.silenceDays || lastBuy.businessDate <= dateOf(w.zone, last!.readAt)))
    return null;
  if (quiet === null) {
    const sinceBuy = Math.floor((end - monthBounds(lastBuy.businessDate.slice(0, 7), w.zone).start) / DAY_S);
    if (sinceBuy <= t.silenceDays) return null;
    return { code: 'silent', text: `${lastBuy.businessDate} 起有购气，但从未读到表具回写数据` };
  }
  return {
    code: 'silent',
    text: `最近一次读卡在 ${dateOf(w.zone, last!.readAt)}，到月末已 ${quiet} 天（阈值 ${t.silenceDays} 天），其间仍有购气（最近 ${lastBuy.businessDate}）`,
  };
}

/**
 * Analyses `month`: `reads` and `purchases` are those of the twelve months up to its end (reads in time
 * order), `households` everyone they name. Months and dates are the halls' business days in `zone`. Suspects
 * come first by number of flags, then by account number.
 */
export function analyseUsage(
  month: string,
  households: readonly Household[],
  reads: readonly Reading[],
  purchases: readonly Purchase[],
  t: UsageThresholds,
  zone = DEFAULT_TIME_ZONE,
): UsageResult {
  const { end } = monthBounds(month, zone);
  const work = new Map<string, Work>();
  for (const h of households) work.set(h.id, { zone, h, reads: [], buys: [], use: new Map() });
  for (const r of reads) if (r.readAt < end) work.get(r.customerId)?.reads.push(r);
  for (const p of purchases) if (p.businessDate.slice(0, 7) <= month) work.get(p.customerId)?.buys.push(p);
  const peers = new Map<string, number[]>();
  for (const w of work.values()) {
    w.reads.sort((a, b) => a.readAt - b.readAt);
    w.buys.sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : 0));
    for (const [m, v] of monthlyUse(w.reads, zone)) w.use.set(m, v);
    const use = w.use.get(month);
    if (use === undefined) continue;
    const group = peers.get(peerKey(w.h));
    if (group) group.push(use);
    else peers.set(peerKey(w.h), [use]);
  }
  const peerMedians = new Map(
    [...peers].filter(([, g]) => g.length >= t.minPeers).map(([k, g]) => [k, median(g)] as const),
  );
  const suspects: Suspect[] = [];
  let measured = 0;
  for (const w of work.values()) {
    const flags: Flag[] = [];
    const peerMedian = peerMedians.get(peerKey(w.h)) ?? null;
    const hist = flagsOfUse(w, month, t, peerMedian, flags);
    readFlags(w, month, t, flags);
    const quiet = silence(w, month, t);
    if (quiet) flags.push(quiet);
    if (w.use.has(month)) measured++;
    if (flags.length > 0)
      suspects.push({
        ...w.h,
        monthUse: w.use.get(month) ?? null,
        historyMedian: hist,
        peerMedian,
        purchased: w.buys.filter((p) => p.businessDate.startsWith(month)).reduce((s, p) => s + p.volume, 0),
        flags,
      });
  }
  suspects.sort((a, b) => b.flags.length - a.flags.length || (a.accountNo < b.accountNo ? -1 : 1));
  return { month, households: work.size, measured, suspects };
}
