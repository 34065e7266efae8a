/** Login, lock and the current operator. Runtime: any. */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, ROLES } from '../domain/roles';
import { okSchema, op, trimmed } from './common';

export const passwordSchema = z
  .string({ error: '请填写密码' })
  .min(MIN_PASSWORD_LENGTH, { error: `密码至少 ${MIN_PASSWORD_LENGTH} 位` })
  .max(200, { error: '密码太长' });

export const staffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** Every role the person holds (at least one, in ROLES order). */
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

export const counterSchema = z.object({
  counterId: z.string(),
  hallCode: z.string(),
  hallName: z.string(),
  counterCode: z.string(),
  counterName: z.string(),
  /** The IANA zone of the business day (the hall's): dates and times on the screen are shown in it. */
  timeZone: z.string(),
});
export type CounterInfo = z.infer<typeof counterSchema>;

const sessionSchema = z.object({
  sessionId: z.string(),
  staff: staffSchema,
  counter: counterSchema,
  idleLockMinutes: z.number().int(),
  locked: z.boolean(),
});

export const authOps = {
  'auth.login': op({
    summary: '员工登录，返回会话',
    access: 'public',
    writes: true,
    input: z.object({
      username: trimmed(40, '登录名'),
      password: z.string().min(1, { error: '请填写密码' }).max(200),
    }),
    output: sessionSchema,
  }),
  'auth.me': op({
    summary: '当前会话：操作员、柜台、是否锁屏',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: sessionSchema,
  }),
  'auth.logout': op({
    summary: '退出登录',
    access: 'session',
    writes: true,
    input: z.object({}),
    output: okSchema,
  }),
  'auth.lock': op({
    summary: '立即锁屏（离开柜台时）',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: okSchema,
  }),
  'auth.unlock': op({
    summary: '输入本人密码解锁屏幕',
    access: 'session',
    writes: true,
    input: z.object({ password: z.string().min(1, { error: '请填写密码' }).max(200) }),
    output: sessionSchema,
  }),
  'auth.changePassword': op({
    summary: '修改本人密码',
    access: 'session',
    writes: true,
    input: z.object({ oldPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
    output: okSchema,
  }),
} as const;
