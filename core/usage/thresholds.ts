/**
 * 燃气用量分析's query and thresholds: the month analysed, the scope (a hall, or the company), and the limits
 * beyond which a household's use is suspect. Every threshold has a default and may be set per query (the
 * console's form, the HTTP query string); out-of-range values are refused with a Chinese message. Runtime: any.
 */
import { z } from 'zod';

const factor = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what}应为数字` })
    .min(min, { error: `${what}不能小于 ${min}` })
    .max(max, { error: `${what}不能大于 ${max}` });
const days = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what}应为整数天数` })
    .int({ error: `${what}应为整数天数` })
    .min(min, { error: `${what}不能少于 ${min} 天` })
    .max(max, { error: `${what}不能多于 ${max} 天` });

export const usageThresholdsSchema = z.object({
  /** Use above this many times the household's own median month is 用量骤增. */
  highFactor: factor(1.5, 100, '高于历史的倍数').default(3),
  /** Use below this fraction of the household's own median month is 用量骤减. */
  lowFactor: factor(0, 0.9, '低于历史的比例').default(0.2),
  /** Use above this many times the median of similar households (same class and size, same month). */
  peerFactor: factor(1.5, 100, '高于同类户的倍数').default(4),
  /** The meter's cumulative use rising faster than this (m³ a day) between two reads is a 跳变. */
  jumpM3PerDay: factor(1, 10_000, '跳变阈值（m³/天）').default(30),
  /** No card read for longer than this, by the month's end, while the household buys gas, is 长期未读卡. */
  silenceDays: days(30, 730, '未读卡天数').default(120),
  /** A read this long after a purchase whose meter still shows the old load count: 购气未装表. */
  neverLoadedDays: days(7, 365, '购气未装表天数').default(30),
  /** The household's own history needs this many measured months to be compared with. */
  minHistoryMonths: days(1, 12, '历史月数').default(3),
  /** Similar households are compared with only when there are this many of them. */
  minPeers: days(3, 1000, '同类户数').default(5),
});
export type UsageThresholds = z.infer<typeof usageThresholdsSchema>;

export const usageQuerySchema = usageThresholdsSchema.extend({
  month: z
    .string({ error: '请选择月份（如 2026-03）' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应写作 年-月（如 2026-03）' }),
  hall: z
    .string()
    .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
    .optional(),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const DEFAULT_THRESHOLDS: UsageThresholds = usageThresholdsSchema.parse({});

const flagSchema = z.object({ code: z.string(), text: z.string() });
const volumeOrNull = z.number().int().nullable();
export const usageAnalysisSchema = z.object({
  title: z.string(),
  filter: z.string(),
  month: z.string(),
  households: z.number().int(),
  measured: z.number().int(),
  suspects: z.array(
    z.object({
      id: z.string(),
      accountNo: z.string(),
      name: z.string(),
      address: z.string(),
      hall: z.string(),
      userClass: z.string(),
      householdSize: z.number().int(),
      monthUse: volumeOrNull,
      historyMedian: volumeOrNull,
      peerMedian: volumeOrNull,
      purchased: z.number().int(),
      flags: z.array(flagSchema),
    }),
  ),
});
