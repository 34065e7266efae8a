/** Head office's administration API (enrolment, revocation, conflicts, master data). Runtime: any. */
import { z } from 'zod';
import { trimmed } from '../contract/common';
import { rolesSchema } from '../contract/staff';
import { feeItemSchema, limitsSchema, priceVersionInput } from '../contract/prices';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from '../business-day';
import { ROLES } from '../domain/roles';
import { cardFeedSchema, conflictSchema, priceVersionFeedSchema } from './feed';
import { quarantinedOpSchema } from './wire';

const text = trimmed;

export const hallInputSchema = z.object({
  code: z.string().regex(/^\d{4}$/, { error: '网点编号为 4 位数字' }),
  name: text(60, '网点名称'),
  /** The IANA zone of the hall's business day; set once, when the hall is registered. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});
export const hallSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
});
export type Hall = z.infer<typeof hallSchema>;

export const counterInputSchema = z.object({
  code: z.string().regex(/^\d{2}$/, { error: '柜台编号为 2 位数字' }),
  name: text(40, '柜台名称'),
});

export const COUNTER_STATES = ['awaiting_enrollment', 'active', 'revoked'] as const;
export const counterViewSchema = z.object({
  slotId: z.string(),
  hallCode: z.string(),
  code: z.string(),
  name: z.string(),
  state: z.enum(COUNTER_STATES),
  counterId: z.string().nullable(),
  /** The Ed25519 public key it enrolled with (SPKI DER, base64): what its receipts' signatures verify under. */
  publicKey: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  headSeq: z.number().int(),
  lastSeenAt: z.string().nullable(),
  clockSkewMs: z.number().int().nullable(),
  /** The counter's clock is off by more than SKEW_FLAG_MS (sales go on; fix that computer's clock). */
  clockSkewed: z.boolean(),
  /** Set when head office saw something it refuses to trust (a cloned database). */
  alert: z.string().nullable(),
});
export type CounterView = z.infer<typeof counterViewSchema>;

export const enrollmentCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
});

export const newCounterResponseSchema = z.object({
  counter: counterViewSchema,
  enrollment: enrollmentCodeSchema,
});

export const revokeInputSchema = z.object({ reason: text(200, '停用原因') });

export const conflictListQuerySchema = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
});

export const resolveInputSchema = z.object({
  choice: z.enum(['current', 'incoming'], { error: '请选择保留总部现值（current）或采用新值（incoming）' }),
  note: text(200, '处理说明'),
  by: text(40, '处理人'),
});

export const staffInputSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { error: '登录名 3–32 位，字母开头' }),
  displayName: text(40, '姓名'),
  /** One or several roles (e.g. 客服员 and 收费员); approval rights come with 班长 only. */
  roles: rolesSchema,
  password: z.string().min(8, { error: '密码至少 8 位' }).max(200),
});
export const staffViewSchema = z.object({
  id: z.string(),
  hallCode: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
});

export const feeItemInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,31}$/, { error: '项目代码为大写字母、数字和下划线' }),
  name: text(40, '项目名称'),
  amountFen: z.number().int({ error: '金额必须是整数分' }).min(0).max(100_000_000),
  active: z.boolean().default(true),
});

export const blockCardInputSchema = z.object({ reason: text(200, '挂失原因') });

export const reconciliationIssueSchema = z.object({
  counterId: z.string(),
  hallCode: z.string(),
  counterCode: z.string(),
  day: z.string(),
  field: z.string(),
  detail: z.unknown(),
  reportedAt: z.string(),
});

export const adminSchemas = {
  hallList: z.object({ halls: z.array(hallSchema) }),
  counterList: z.object({ counters: z.array(counterViewSchema) }),
  conflictList: z.object({ conflicts: z.array(conflictSchema) }),
  quarantineList: z.object({
    ops: z.array(quarantinedOpSchema.extend({ counterId: z.string(), at: z.string() })),
  }),
  reconciliationList: z.object({ issues: z.array(reconciliationIssueSchema) }),
  priceVersionInput,
  priceVersion: priceVersionFeedSchema,
  feeItem: feeItemSchema,
  limits: limitsSchema,
  card: cardFeedSchema,
  conflict: conflictSchema,
};
