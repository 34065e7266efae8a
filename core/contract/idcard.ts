/**
 * The resident-ID reader (二代证阅读器): read the card on it (to fill 开户, 过户 and identity checks), its
 * settings and its 测试. Reading writes nothing, so it takes no requestId. Runtime: any.
 */
import { z } from 'zod';
import { parseIdCardSpec } from '../idcard/spec';
import { op } from './common';

const STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const idCardSchema = z.object({
  name: z.string(),
  sex: z.enum(['男', '女']),
  ethnicity: z.string(),
  birthDate: ymd,
  address: z.string(),
  idNumber: z.string(),
  issuer: z.string(),
  validFrom: ymd,
  /** null: valid 长期 (long-term). */
  validUntil: ymd.nullable(),
  /** The card's 有效期 has ended: flagged, not refused. */
  expired: z.boolean(),
  /** The photo as a data: URL (image/bmp), to show; null when the reader's SDK gives none. */
  photo: z.string().nullable(),
});
export type IdCard = z.infer<typeof idCardSchema>;

export const idCardSpecSchema = z
  .string()
  .trim()
  .max(300, { error: '阅读器地址至多 300 个字符' })
  .refine((s) => parseIdCardSpec(s) !== null, {
    error: '身份证阅读器地址格式：idcard:动态库路径[:端口]，端口 USB 为 1001–1016，串口为 1–16',
  });

const idCardSettings = z.object({
  /** idcard:LIBRARY_PATH[:PORT], or null: no ID reader. */
  spec: idCardSpecSchema.nullable(),
  /** Keep the card's photo with the customer's file (off unless the company enables it). */
  storePhoto: z.boolean({ error: '请选择是否保存证件照片' }),
});
export type IdCardSettings = z.infer<typeof idCardSettings>;

export const idCardOps = {
  'idcard.read': op({
    summary:
      '读身份证：姓名、性别、民族、出生日期、住址、公民身份号码、签发机关、有效期与照片（过期的证件标明，不拒绝）',
    access: STAFF,
    writes: false,
    input: z.object({}),
    /** storePhoto: the company keeps card photos (customers.open takes `idPhoto`). */
    output: idCardSchema.extend({ storePhoto: z.boolean() }),
  }),
  'idcard.status': op({
    summary: '身份证阅读器的设置与状态',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: idCardSettings.extend({
      state: z.enum(['none', 'closed', 'open', 'stuck']),
      description: z.string(),
    }),
  }),
  'idcard.configure': op({
    summary: '设置身份证阅读器（termb 动态库与端口；清空则不使用）与是否保存证件照片',
    access: ['admin'],
    writes: true,
    input: idCardSettings,
    output: idCardSettings,
  }),
  'idcard.test': op({
    summary: '测试身份证阅读器：加载动态库、打开端口（不需要放卡）',
    access: ['admin'],
    writes: false,
    input: z.object({}),
    output: z.object({ description: z.string(), photoSupported: z.boolean() }),
  }),
} as const;
