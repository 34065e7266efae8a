/** Counter-wide settings and checks. Runtime: any. */
import { z } from 'zod';
import { op } from './common';

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1, { error: '至少 1 分钟' }).max(120, { error: '最多 120 分钟' }),
  /** 交班差额允许范围 (分): a larger 短款 or 长款 needs a supervisor's approval at the close. */
  shiftTolerance: z
    .number({ error: '请填写交班差额允许范围' })
    .int({ error: '差额允许范围必须是整数分' })
    .min(0, { error: '差额允许范围不能为负' })
    .max(1_000_000, { error: '差额允许范围最多 10000 元' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  checkedOps: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), id: z.string().nullable(), problem: z.string() }).nullable(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

const backupSchema = z.object({ file: z.string(), bytes: z.number().int(), at: z.string() });

export const systemOps = {
  'backups.list': op({
    summary: '本机备份列表（定时备份，保留最近若干份）',
    access: ['supervisor', 'admin'],
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(backupSchema) }),
  }),
  'backups.run': op({
    summary: '立即备份数据库（在线备份，不影响营业），并校验备份',
    access: ['supervisor', 'admin'],
    writes: true,
    input: z.object({}),
    output: backupSchema,
  }),
  'system.info': op({
    summary: '程序版本、柜台、是否演示模式',
    access: 'public',
    writes: false,
    input: z.object({}),
    output: z.object({ version: z.string(), demo: z.boolean(), initialized: z.boolean() }),
  }),
  'settings.get': op({
    summary: '柜台设置',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: settingsSchema,
  }),
  'settings.update': op({
    summary: '修改柜台设置（管理员）：只改给出的项',
    access: ['admin'],
    writes: true,
    input: settingsSchema.partial(),
    output: settingsSchema,
  }),
  'ledger.verify': op({
    summary: '校验本柜台业务流水的哈希链',
    access: ['supervisor', 'admin'],
    writes: false,
    input: z.object({}),
    output: verifyResultSchema,
  }),
} as const;
