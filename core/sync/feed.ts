/**
 * What each kind of change-feed entry carries (head office → counter). The counter validates every entry
 * against these before it touches its database. Runtime: any.
 */
import { z } from 'zod';
import { customerSchema } from '../contract/customers';
import { feeItemSchema, limitsSchema, priceVersionSchema } from '../contract/prices';
import { ROLES } from '../domain/roles';
import { gasUseBySchema } from './gas-use';
import type { FeedKind } from './wire';
import { serviceStepSchema } from './wire-service-steps';
import { usageReferralSchema } from './wire-referral';

/** A customer as head office holds it (the merged file), with the clock of its last change. */
export const customerFeedSchema = customerSchema.extend({
  updatedHlc: z.string(),
  /** The highest purchase count head office knows for the account. */
  purchaseCount: z.number().int().min(0),
  /** 结余 (fen) as head office computes it from every counter's sales. */
  balance: z.number().int().optional(),
  /** Per counter id, the part of `balance` that counter's sales made: a counter adds its own from its sales. */
  balanceBy: z.record(z.string(), z.number().int()).optional(),
  /** Per counter id (or `import`), per business day: the household's net gas (gas-use.ts); a counter adds the others'. */
  gasUseBy: gasUseBySchema.optional(),
});
export type CustomerFeed = z.infer<typeof customerFeedSchema>;

export const CARD_STATUSES = ['active', 'lost', 'replaced'] as const;

export const cardFeedSchema = z.object({
  id: z.string(),
  cardNo: z.string(),
  customerId: z.string(),
  formatId: z.string(),
  region: z.number().int(),
  status: z.enum(CARD_STATUSES),
  issuedAt: z.string(),
  issuedBy: z.string(),
  blockedAt: z.string().nullable(),
  blockedReason: z.string().nullable(),
});
export type CardFeed = z.infer<typeof cardFeedSchema>;

export const priceVersionFeedSchema = priceVersionSchema.extend({ createdBy: z.string() });
export type PriceVersionFeed = z.infer<typeof priceVersionFeedSchema>;

export const staffFeedSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The most senior of `roles`, for counters that know one role only (before 2026-12). */
  role: z.enum(ROLES),
  /** Every role the person holds; absent from a head office before 2026-12 (then `role` alone). */
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  /** The scrypt hash (core/node/password.ts format); the password itself never leaves head office. */
  passwordHash: z.string(),
  active: z.boolean(),
});
export type StaffFeed = z.infer<typeof staffFeedSchema>;

export const CONFLICT_KINDS = [
  'customer_field',
  'purchase_count',
  'balance',
  'blocked_card_used',
  'card_issued_twice',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_ZH: Record<ConflictKind, string> = {
  customer_field: '档案字段冲突',
  purchase_count: '购气次数冲突',
  balance: '结余重复使用',
  blocked_card_used: '挂失/作废卡仍在使用',
  card_issued_twice: '一户两张在用卡',
};

export const conflictSchema = z.object({
  id: z.string(),
  hallCode: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  entityType: z.string(),
  entityId: z.string(),
  field: z.string().nullable(),
  /** What head office holds (kept, never silently overwritten) and what the later operation wanted. */
  current: z.unknown(),
  incoming: z.unknown(),
  currentCounterId: z.string().nullable(),
  incomingCounterId: z.string(),
  opId: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({ choice: z.enum(['current', 'incoming']), note: z.string(), by: z.string(), at: z.string() })
    .nullable(),
  createdAt: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const FEED_DATA: Record<FeedKind, z.ZodType> = {
  customer: customerFeedSchema,
  card: cardFeedSchema,
  price_version: priceVersionFeedSchema,
  fee_item: feeItemSchema,
  purchase_limits: limitsSchema,
  staff: staffFeedSchema,
  conflict: conflictSchema,
  service_step: serviceStepSchema,
  usage_referral: usageReferralSchema,
};

/** Fields merged last-writer-wins by HLC; every other customer field is a conflict when counters disagree. */
export const HARMLESS_CUSTOMER_FIELDS: ReadonlySet<string> = new Set(['phone', 'altPhone', 'notes']);
