/** Staff accounts, managed by the administrator. Runtime: any. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { passwordSchema, staffSchema } from './auth';
import { idSchema, okSchema, op, trimmed } from './common';

export const usernameSchema = z
  .string({ error: '请填写登录名' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,39}$/, { error: '登录名用字母开头，3 到 40 位字母、数字或 _ . -' });

/** The roles a person holds: one or several (e.g. 客服员 and 收费员 at a one-person window), kept in ROLES order. */
export const rolesSchema = z
  .array(z.enum(ROLES, { error: '请选择岗位' }), { error: '请选择岗位' })
  .min(1, { error: '请至少选择一个岗位' })
  .max(ROLES.length, { error: '岗位重复' })
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

export const staffOps = {
  'staff.list': op({
    summary: '员工列表',
    access: ['admin', 'supervisor'],
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(staffSchema) }),
  }),
  'staff.create': op({
    summary: '新建员工账号',
    access: ['admin'],
    writes: true,
    input: z.object({
      username: usernameSchema,
      displayName: trimmed(20, '姓名'),
      roles: rolesSchema,
      password: passwordSchema,
    }),
    output: staffSchema,
  }),
  'staff.resetPassword': op({
    summary: '重置员工密码并解除锁定',
    access: ['admin'],
    writes: true,
    input: z.object({ staffId: idSchema, newPassword: passwordSchema }),
    output: okSchema,
  }),
  'staff.setRoles': op({
    summary: '调整员工岗位（可兼任多个岗位；审批权只随班长岗位）',
    access: ['admin'],
    writes: true,
    input: z.object({ staffId: idSchema, roles: rolesSchema }),
    output: staffSchema,
  }),
  'staff.setActive': op({
    summary: '启用或停用员工账号',
    access: ['admin'],
    writes: true,
    input: z.object({ staffId: idSchema, active: z.boolean() }),
    output: staffSchema,
  }),
} as const;
