/** Staff accounts, managed by the administrator. Runtime: any. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { passwordSchema, staffSchema } from './auth';
import { idSchema, okSchema, op, trimmed } from './common';

export const usernameSchema = z
  .string({ error: '请填写登录名' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,39}$/, { error: '登录名用字母开头，3 到 40 位字母、数字或 _ . -' });

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
      role: z.enum(ROLES, { error: '请选择岗位' }),
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
  'staff.setActive': op({
    summary: '启用或停用员工账号',
    access: ['admin'],
    writes: true,
    input: z.object({ staffId: idSchema, active: z.boolean() }),
    output: staffSchema,
  }),
} as const;
