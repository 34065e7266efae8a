/**
 * 安全宣传 (safety publicity): the company's safety notice and service hotline, printed at the foot of every
 * receipt once set (publicity.save, 班长 or the administrator), and the 安全提示单 printed when a card read shows a
 * meter alarm (publicity.alarmSlip). Runtime: any.
 */
import { z } from 'zod';
import { METER_ALARMS } from '../domain/publicity';
import { freeText, idSchema, op } from './common';
import { printedReceiptSchema } from './printing';

const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

export const publicitySchema = z.object({
  hotline: freeText(20, '服务热线')
    .regex(/^[0-9 ()+-]*$/, { error: '服务热线只能由数字、空格、括号和 - 组成' })
    .default(''),
  notice: freeText(120, '安全提示').default(''),
});

const alarmSlipInput = z
  .object({
    customerId: idSchema.optional(),
    meterNo: freeText(40, '表号').pipe(z.string().min(1, { error: '请填写表号' })),
    alarms: z.array(z.enum(METER_ALARMS as [string, ...string[]], { error: '表具报警类型不正确' })).max(4),
    /** The meter's write-back faults the card read showed (cards.read meterFaults), printed as they read. */
    faults: z
      .array(freeText(200, '表具数据异常'), { error: '表具数据异常应为文字列表' })
      .max(10, { error: '表具数据异常最多 10 条' })
      .default([]),
  })
  .refine((x) => x.alarms.length + x.faults.length > 0, {
    path: ['alarms'],
    error: '没有表具报警或表具数据异常，无需打印安全提示单',
  });

export const publicityOps = {
  'publicity.get': op({
    summary: '安全宣传：收据上的安全提示和服务热线',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: publicitySchema,
  }),
  'publicity.save': op({
    summary: '设置收据上的安全提示和服务热线（班长或管理员；留空则不印）',
    access: ['supervisor', 'admin'],
    writes: true,
    input: publicitySchema,
    output: publicitySchema,
  }),
  'publicity.alarmSlipPreview': op({
    summary: '表具报警的安全提示单预览（与打印机打出的一致）',
    access: ANY_STAFF,
    writes: false,
    input: alarmSlipInput,
    output: z.object({ receipt: printedReceiptSchema, columns: z.number().int() }),
  }),
  'publicity.alarmSlip': op({
    summary: '读卡发现表具报警时，打印给用户的安全提示单（每项报警的处理办法、安全常识、服务热线）',
    access: ANY_STAFF,
    writes: true,
    input: alarmSlipInput,
    output: z.object({
      copyNo: z.number().int(),
      reprint: z.boolean(),
      paperNearEnd: z.boolean(),
      receipt: printedReceiptSchema,
    }),
  }),
} as const;
