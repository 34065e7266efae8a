/**
 * 核表请求 (usage referrals): a suspect meter of the usage analysis that head office sends to the household's
 * hall so that a clerk there opens a 工单 for the team that checks meters. The console's request, the feed
 * entry the hall's counters pull, and the console's list. Runtime: any.
 */
import { z } from 'zod';
import { FLAG_CODES } from '../usage/analyse';
import { adminRequestIdSchema } from './wire-revert';

const flagInput = z.object({
  code: z.enum(FLAG_CODES, { error: '没有这种疑点' }),
  text: z
    .string({ error: '疑点依据应为文字' })
    .trim()
    .min(1, { error: '疑点依据不能为空' })
    .max(200, { error: '疑点依据最多 200 字' }),
});

export const usageReferralInputSchema = z.object({
  requestId: adminRequestIdSchema,
  customerId: z.string({ error: '请指明用户' }).min(1, { error: '请指明用户' }).max(64),
  month: z
    .string({ error: '请选择月份（如 2026-03）' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应写作 年-月（如 2026-03）' }),
  flags: z
    .array(flagInput, { error: '请附上疑点' })
    .min(1, { error: '至少附上一个疑点' })
    .max(11, { error: '疑点最多 11 个' }),
});
export type UsageReferralInput = z.infer<typeof usageReferralInputSchema>;

/** What a counter of the hall pulls (feed kind `usage_referral`) and the console shows. */
export const usageReferralSchema = z.object({
  id: z.string(),
  /** 核表请求号, e.g. HB202603-0101000123. */
  no: z.string(),
  hallCode: z.string(),
  customerId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  month: z.string(),
  flags: z.array(z.object({ code: z.string(), text: z.string() })),
  /** The work order's 工单内容: the flags and their evidence in Chinese. */
  description: z.string(),
  /** Who sent it at head office (display name and login). */
  createdBy: z.string(),
  createdAt: z.string(),
});
export type UsageReferral = z.infer<typeof usageReferralSchema>;

export const usageReferralQuerySchema = z.object({
  hall: z
    .string()
    .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
    .optional(),
  month: z
    .string({ error: '请选择月份（如 2026-03）' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应写作 年-月（如 2026-03）' }),
});

export const usageReferralListSchema = z.object({
  referrals: z.array(
    usageReferralSchema.extend({
      /** The 工单 a counter opened from it, once head office has received it (its number), else null. */
      workOrderNo: z.string().nullable(),
    }),
  ),
});
