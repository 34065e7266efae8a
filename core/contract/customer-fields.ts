/** Field schemas of the customer file, shared by opening, editing and transfer. Runtime: any. */
import { z } from 'zod';
import { CARD_METER_NO_LENGTH } from '../card/gas-card';
import { INSPECTION_STATUSES, USER_CLASSES, type UserClass } from '../domain/customer';
import { isValidCreditCode } from '../validation/credit-code';
import { isValidPhone, PHONE_MAX_LENGTH, writtenPhone, writtenPhoneProblem } from '../validation/phone';
import { checkResidentId, normaliseResidentId } from '../validation/resident-id';
import { isoDate, optionalTrimmed, trimmed } from './common';

const ID_PROBLEM_ZH = {
  format: '身份证号应为 18 位（最后一位可以是 X）',
  area: '身份证号的地区码不正确',
  'birth-date': '身份证号中的出生日期不正确',
  'check-digit': '身份证号校验位不正确，请核对后重新输入',
} as const;

function todayYmd(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

export const residentIdSchema = z
  .string({ error: '请填写身份证号' })
  .transform(normaliseResidentId)
  .superRefine((id, ctx) => {
    const problem = checkResidentId(id, todayYmd());
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: ID_PROBLEM_ZH[problem],
        params: { code: 'RESIDENT_ID_INVALID' },
      });
  });

export const creditCodeSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidCreditCode, {
    message: '统一社会信用代码不正确，请核对',
    params: { code: 'CREDIT_CODE_INVALID' },
  });

const WRITTEN_PHONE_ZH = {
  characters: '电话号码只能包含数字、空格、短横线“-”和括号',
  length: `电话号码最多 ${PHONE_MAX_LENGTH} 个字符`,
  ending: '电话号码应以号码的数字结尾',
} as const;

/** Kept as written (0571-87654321 stays so); its digits must make a mobile or a landline with area code. */
export const phoneSchema = z
  .string({ error: '请填写联系电话' })
  .transform(writtenPhone)
  .superRefine((phone, ctx) => {
    const problem = writtenPhoneProblem(phone);
    const message = problem
      ? WRITTEN_PHONE_ZH[problem]
      : isValidPhone(phone)
        ? null
        : '电话号码不正确：手机 11 位，座机带区号';
    if (message) ctx.addIssue({ code: 'custom', message, params: { code: 'PHONE_INVALID' } });
  });

/** At most what the card's write-back holds (CARD_METER_NO_LENGTH): a longer number would be cut on the card. */
export const meterNoSchema = z
  .string({ error: '请填写表号' })
  .trim()
  .max(CARD_METER_NO_LENGTH, {
    error: `表号最多 ${CARD_METER_NO_LENGTH} 位（IC 卡只能存 ${CARD_METER_NO_LENGTH} 位，更长的表号写卡时会被截断）`,
  })
  .regex(new RegExp(`^[A-Za-z0-9-]{4,${CARD_METER_NO_LENGTH}}$`), {
    error: `表号为 4 到 ${CARD_METER_NO_LENGTH} 位字母、数字或短横线`,
  })
  .transform((s) => s.toUpperCase());

export const meterInputSchema = z.object({
  meterNo: meterNoSchema,
  maker: trimmed(40, '表厂'),
  model: trimmed(40, '表型号'),
  cardType: trimmed(20, '卡类型'),
  installedOn: isoDate('安装日期').optional(),
});
export type MeterInput = z.infer<typeof meterInputSchema>;

export const addressSchema = z.object({
  district: trimmed(20, '区县'),
  community: trimmed(40, '小区'),
  building: trimmed(10, '楼栋'),
  unit: optionalTrimmed(10, '单元'),
  room: trimmed(10, '房号'),
});

export const accountNoSchema = z
  .string()
  .trim()
  .regex(/^\d{6,20}$/, { error: '用户编号为 6 到 20 位数字' });

/** Fields a clerk may edit later (with a reason); owner identity changes go through 过户. */
export const editableFields = z.object({
  phone: phoneSchema,
  altPhone: phoneSchema.optional(),
  address: addressSchema,
  householdSize: z
    .number({
      error: (iss) => (iss.input == null ? '请填写家庭人口' : '家庭人口应为 1 到 30 的整数'),
    })
    .int({ error: '人口应为整数' })
    .min(1, { error: '人口至少 1 人' })
    .max(30, { error: '人口最多 30 人' }),
  userClass: z.enum(USER_CLASSES, { error: '请选择用气性质' }),
  inspection: z.object({
    status: z.enum(INSPECTION_STATUSES, { error: '请选择安检状态' }),
    date: isoDate('安检日期').optional(),
  }),
  notes: optionalTrimmed(500, '备注', { multiline: true }),
});

/** Which owner ID a class needs: residents their 身份证号; others a credit code or an agent's 身份证号. */
export const OWNER_ID_MESSAGES: Readonly<Record<'residential' | 'other', string>> = {
  residential: '居民用户必须填写身份证号',
  other: '非居民用户请填写统一社会信用代码或经办人身份证号',
};

export function missingOwnerId(
  userClass: UserClass,
  owner: { idNumber?: string | null; creditCode?: string | null },
): { field: 'idNumber' | 'creditCode'; message: string } | null {
  if (userClass === 'residential')
    return owner.idNumber ? null : { field: 'idNumber', message: OWNER_ID_MESSAGES.residential };
  return owner.idNumber || owner.creditCode
    ? null
    : { field: 'creditCode', message: OWNER_ID_MESSAGES.other };
}

export const ownerSchema = z.object({
  name: trimmed(50, '用户名称'),
  idNumber: residentIdSchema.optional(),
  creditCode: creditCodeSchema.optional(),
});
