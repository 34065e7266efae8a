/**
 * The head-office console's own API (/console/api): sign-in, who is signed in, the console's accounts and
 * the audit of console actions. The console reaches the admin API (/admin) with its session instead of the
 * administrator's token; what each role may do there is server/console/permissions.ts. Runtime: any.
 */
import { z } from 'zod';
import { trimmed } from '../contract/common';
import { adminRequestIdSchema } from './wire-revert';

export const CONSOLE_ROLES = ['admin', 'auditor', 'hall_manager', 'readonly'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
/** 管理员, 稽核, 营业厅经理 (their halls only), 只读. */
export const CONSOLE_ROLE_NAMES: Record<ConsoleRole, string> = {
  admin: '管理员',
  auditor: '稽核',
  hall_manager: '营业厅经理',
  readonly: '只读',
};

const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { error: '登录名 3–32 位，字母开头' });
const passwordSchema = z
  .string()
  .min(10, { error: '总部密码至少 10 位' })
  .max(200, { error: '密码过长' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' });

export const consoleLoginSchema = z.object({
  username: z.string().trim().min(1, { error: '请输入登录名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(200),
});

export const consoleUserInputSchema = z
  .object({
    requestId: adminRequestIdSchema,
    username: usernameSchema,
    displayName: trimmed(40, '姓名'),
    role: z.enum(CONSOLE_ROLES, { error: '请选择角色' }),
    halls: z
      .array(z.string().regex(/^\d{4}$/, { error: '网点编号为 4 位数字' }))
      .max(200)
      .default([]),
    password: passwordSchema,
  })
  .refine((u) => (u.role === 'hall_manager') === u.halls.length > 0, {
    error: '营业厅经理须指定所管网点；其他角色不指定网点',
    path: ['halls'],
  });
export type ConsoleUserInput = z.output<typeof consoleUserInputSchema>;

export const consoleUserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(CONSOLE_ROLES),
  halls: z.array(z.string()),
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type ConsoleUserView = z.infer<typeof consoleUserViewSchema>;

export const consoleMeSchema = consoleUserViewSchema.extend({
  /** Seconds of inactivity after which the session ends. */
  idleTimeoutS: z.number().int(),
});

export const consoleUserChangeSchema = z.object({
  requestId: adminRequestIdSchema,
  /** A new password (the account is unlocked too), or the account disabled / enabled. */
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
});

export const consolePasswordChangeSchema = z.object({
  requestId: adminRequestIdSchema,
  oldPassword: z.string().min(1, { error: '请输入原密码' }).max(200),
  newPassword: passwordSchema,
});

export const consoleAuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const consoleAuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  status: z.number(),
  detail: z.unknown(),
  address: z.string().nullable(),
});
