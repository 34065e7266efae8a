/** The customer file (一户一档) operations. Runtime: any. */
import { z } from 'zod';
import {
  CUSTOMER_STATUSES,
  INSPECTION_STATUSES,
  STATUS_ACTIONS,
  USER_CLASSES,
  type UserClass,
} from '../domain/customer';
import { SEARCH_KINDS, SEARCH_TOO_SHORT, tooShortToSearch } from '../domain/search';
import { approvalSchema, freeText, idSchema, isoDate, op, reasonSchema, trimmed } from './common';
import {
  accountNoSchema,
  editableFields,
  meterInputSchema,
  missingOwnerId,
  ownerSchema,
  phoneSchema,
} from './customer-fields';

const CLERKS = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

function requireOwnerId(
  v: { userClass?: UserClass; idNumber?: string; creditCode?: string },
  ctx: z.RefinementCtx,
) {
  if (!v.userClass) return;
  const missing = missingOwnerId(v.userClass, v);
  if (missing)
    ctx.addIssue({
      code: 'custom',
      path: [missing.field],
      message: missing.message,
      params: { code: 'REQUIRED' },
    });
}

export const openCustomerInput = ownerSchema
  .extend(editableFields.shape)
  .extend({
    accountNo: accountNoSchema.optional(),
    contract: z.object({ no: trimmed(30, '合同编号'), signedOn: isoDate('合同签订日期') }),
    documents: z.object({
      connectionFeeInvoiceNo: trimmed(30, '初装费发票号'),
      registrationFormChecked: z.literal(true, { error: '请核对《燃气用户登记表》后勾选' }),
    }),
    meters: z.array(meterInputSchema).max(5, { error: '一户最多登记 5 块表' }).default([]),
    /** The 零散报装 this 开户 completes (its step after 置换通气, recorded in the same transaction). */
    installationId: idSchema.optional(),
    /**
     * The owner's ID card photo from 读身份证 (idcard.read), kept with the file only when the company enables it
     * (idcard.configure storePhoto); refused otherwise (IDCARD_PHOTO_NOT_ENABLED).
     */
    idPhoto: z
      .string({ error: '证件照片应为读身份证得到的图片' })
      .max(120_000, { error: '证件照片过大' })
      .regex(/^data:image\/bmp;base64,[A-Za-z0-9+/]+={0,2}$/, { error: '证件照片应为读身份证得到的图片' })
      .optional(),
  })
  .superRefine(requireOwnerId)
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.meters.forEach((m, i) => {
      if (seen.has(m.meterNo.toUpperCase()))
        ctx.addIssue({
          code: 'custom',
          path: ['meters', i, 'meterNo'],
          message: '表号重复',
          params: { code: 'DUPLICATE_METER_NO' },
        });
      seen.add(m.meterNo.toUpperCase());
    });
  });
export type OpenCustomerInput = z.infer<typeof openCustomerInput>;

export const meterSchema = z.object({
  id: z.string(),
  meterNo: z.string(),
  maker: z.string(),
  model: z.string(),
  cardType: z.string(),
  installedOn: z.string().nullable(),
  status: z.enum(['active', 'removed']),
});

export const customerSchema = z.object({
  id: z.string(),
  accountNo: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  phone: z.string(),
  altPhone: z.string().nullable(),
  address: z.object({
    district: z.string(),
    community: z.string(),
    building: z.string(),
    unit: z.string().nullable(),
    room: z.string(),
  }),
  fullAddress: z.string(),
  userClass: z.enum(USER_CLASSES),
  householdSize: z.number().int(),
  inspection: z.object({ status: z.enum(INSPECTION_STATUSES), date: z.string().nullable() }),
  contract: z.object({ no: z.string(), signedOn: z.string() }),
  documents: z.object({ connectionFeeInvoiceNo: z.string(), registrationFormChecked: z.boolean() }),
  status: z.enum(CUSTOMER_STATUSES),
  statusChangedAt: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  meters: z.array(meterSchema),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerSummarySchema = z.object({
  id: z.string(),
  accountNo: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phone: z.string(),
  fullAddress: z.string(),
  userClass: z.enum(USER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  meterNos: z.array(z.string()),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** A customer of another hall, as head office lists it (core/sync/wire-visit.ts). */
export const otherHallCustomerSchema = z.object({
  customerId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  phone: z.string(),
  fullAddress: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
  meterNos: z.array(z.string()),
  /** The active cards' numbers. */
  cardNos: z.array(z.string()),
  hallCode: z.string(),
  hallName: z.string(),
});
export type OtherHallCustomer = z.infer<typeof otherHallCustomerSchema>;

const otherHallSchema = z.object({ code: z.string(), name: z.string() });

export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  summary: z.string(),
  operator: z.object({ id: z.string(), displayName: z.string() }),
  approver: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const versioned = { id: idSchema, expectedVersion: z.number().int().min(1) };

export const customerOps = {
  'customers.open': op({
    summary: '开户：建立一户一档（合同、登记表、初装费发票、表具）',
    access: CLERKS,
    writes: true,
    input: openCustomerInput,
    output: customerSchema,
  }),
  'customers.get': op({
    summary: '查看用户档案（其他营业厅的用户注明所属营业厅）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: customerSchema.extend({ otherHall: otherHallSchema.nullable().optional() }),
  }),
  'customers.history': op({
    summary: '用户档案的全部办理记录（操作员、时间、原因、审批人、改前改后）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: z.object({ items: z.array(historyEntrySchema) }),
  }),
  'customers.search': op({
    summary: '按用户编号、姓名、电话、身份证号、地址片段或表号查找用户',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      query: freeText(60, '查询内容')
        .min(1, { error: '请输入查询内容' })
        .refine((q) => !tooShortToSearch(q), {
          message: SEARCH_TOO_SHORT.message,
          params: { code: SEARCH_TOO_SHORT.code },
          abort: true,
        }),
      kind: z.enum(SEARCH_KINDS).default('auto'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      items: z.array(customerSummarySchema),
      truncated: z.boolean(),
      /** How many households match in all, up to 100,000 (100,001 means more). */
      total: z.number().int(),
    }),
  }),
  'customers.lookupOtherHalls': op({
    summary:
      '查询其他营业厅的用户（联网时到总部查；查询内容与本柜台查询相同，也可输入卡号），结果注明所属营业厅。离线时答 OTHER_HALL_OFFLINE',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      query: freeText(60, '查询内容').min(1, { error: '请输入查询内容' }),
    }),
    output: z.object({ items: z.array(otherHallCustomerSchema), truncated: z.boolean() }),
  }),
  'customers.fetchOtherHall': op({
    summary:
      '从总部取其他营业厅一户的档案、结余与卡，存为本柜台的“外厅用户”，即可为其收费、购气写卡（改档、过户、发卡挂失等仍须到所属营业厅）',
    access: ANY_STAFF,
    writes: true,
    input: z.object({ customerId: idSchema }),
    output: customerSchema.extend({ otherHall: otherHallSchema }),
  }),
  'customers.update': op({
    summary: '修改档案（电话、地址、人口、用气性质、安检、备注），必须填写原因',
    access: CLERKS,
    writes: true,
    input: z.object({
      ...versioned,
      // null clears an optional field (备用电话, 备注).
      changes: editableFields.partial().extend({
        altPhone: phoneSchema.nullable().optional(),
        notes: freeText(500, '备注', { multiline: true })
          .transform((s) => s || null)
          .nullable()
          .optional(),
      }),
      reason: reasonSchema,
    }),
    output: customerSchema,
  }),
  'customers.changeStatus': op({
    summary: '停用、启用、销户（销户需班长审批）',
    access: CLERKS,
    writes: true,
    input: z.object({
      ...versioned,
      action: z.enum(STATUS_ACTIONS).exclude(['transfer']),
      reason: reasonSchema,
      approval: approvalSchema.optional(),
    }),
    output: customerSchema,
  }),
  'customers.transfer': op({
    summary: '过户：更换户主（新合同），仅限正常状态',
    access: CLERKS,
    writes: true,
    input: z.object({
      ...versioned,
      newOwner: ownerSchema.extend({ phone: phoneSchema }),
      contract: z.object({ no: trimmed(30, '合同编号'), signedOn: isoDate('合同签订日期') }),
      reason: reasonSchema,
    }),
    output: customerSchema,
  }),
  'customers.addMeter': op({
    summary: '为用户登记一块表',
    access: CLERKS,
    writes: true,
    input: z.object({ ...versioned, meter: meterInputSchema, reason: reasonSchema }),
    output: customerSchema,
  }),
} as const;
