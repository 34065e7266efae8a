/** First run of a counter: the hall (网点), the counter and the administrator. Runtime: any. */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from '../business-day';
import { passwordSchema } from './auth';
import { op, trimmed } from './common';
import { usernameSchema } from './staff';

export const setupInputSchema = z.object({
  hallCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { error: '网点编号应为 4 位数字' }),
  hallName: trimmed(40, '网点名称'),
  counterCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, { error: '柜台编号应为 2 位数字' }),
  counterName: trimmed(40, '柜台名称'),
  /** The hall's IANA time zone, until enrollment brings head office's (then head office's holds). */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  admin: z.object({
    username: usernameSchema,
    displayName: trimmed(20, '管理员姓名'),
    password: passwordSchema,
  }),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export const setupOps = {
  'setup.status': op({
    summary: '柜台是否已初始化',
    access: 'public',
    writes: false,
    input: z.object({}),
    output: z.object({
      initialized: z.boolean(),
      hallName: z.string().optional(),
      counterName: z.string().optional(),
    }),
  }),
  'setup.initialize': op({
    summary: '首次运行：登记网点、柜台和管理员账号',
    access: 'public',
    writes: true,
    input: setupInputSchema,
    output: z.object({ counterId: z.string() }),
  }),
} as const;
