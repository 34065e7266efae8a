/**
 * The sync wire contract between a counter and head office (docs/sync-protocol.md is generated from it):
 * enrollment, push of the hash-chained outbox, pull of the change feed, reconciliation and status.
 * Runtime: any.
 */
import { z } from 'zod';
import { UUID_RE } from '../ids';

export const HEX64 = /^[0-9a-f]{64}$/;
export const HLC_RE = /^\d{15}-\d{5}-.{1,40}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export const MAX_PUSH_OPS = 1000;
export const MAX_PAYLOAD_CHARS = 64 * 1024;
export const MAX_PULL_LIMIT = 20_000;
export const DEFAULT_PULL_LIMIT = 10_000;

const text = (max: number, label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .min(1, { error: `缺少${label}` })
    .max(max, { error: `${label}过长` });

/**
 * Text a database stores exactly as it is: no NUL character and no unpaired surrogate (either would be refused
 * by PostgreSQL, or silently stored altered, and the stored operation would no longer match its hash).
 */
export const storable = (s: string): boolean =>
  !s.includes('\0') && (s as string & { isWellFormed(): boolean }).isWellFormed();

/** An operation's text field: `text` that is also storable. */
const opText = (max: number, label: string) =>
  text(max, label).refine(storable, { error: `${label}含有无法保存的字符` });

/** One outbox row exactly as the counter stores it (db/schema/ledger.ts), hash included. */
export const wireOpSchema = z.object({
  seq: z.number().int().positive({ error: '序号必须是正整数' }),
  id: z.string().regex(UUID_RE, { error: '业务流水编号格式不正确' }),
  counterId: opText(64, '柜台编号'),
  type: opText(64, '业务类型'),
  entityType: opText(64, '对象类型'),
  entityId: opText(128, '对象编号'),
  payload: z
    .string()
    .max(MAX_PAYLOAD_CHARS, { error: '业务内容过大' })
    .refine(storable, { error: '业务内容含有无法保存的字符' }),
  operatorId: opText(64, '操作员'),
  approverId: z.string().max(64).refine(storable, { error: '审批人含有无法保存的字符' }).nullable(),
  hlc: z
    .string()
    .regex(HLC_RE, { error: '混合逻辑时钟格式不正确' })
    .refine(storable, { error: '混合逻辑时钟含有无法保存的字符' }),
  createdAt: z.string().regex(ISO_TIME, { error: '时间格式不正确' }),
  prevHash: z.string().regex(HEX64, { error: '前一条哈希格式不正确' }),
  hash: z.string().regex(HEX64, { error: '哈希格式不正确' }),
});
export type WireOp = z.infer<typeof wireOpSchema>;

/** What the counter knew of the change feed: everything up to `cursor` was applied before op `afterSeq + 1`. */
export const knowledgeSchema = z.object({
  cursor: z.number().int().min(0),
  afterSeq: z.number().int().min(0),
});
export type Knowledge = z.infer<typeof knowledgeSchema>;

export const pushRequestSchema = z.object({
  ops: z
    .array(wireOpSchema)
    .min(1, { error: '至少一条业务流水' })
    .max(MAX_PUSH_OPS, { error: `每批最多 ${MAX_PUSH_OPS} 条` }),
  knowledge: knowledgeSchema.optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const quarantinedOpSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type QuarantinedOp = z.infer<typeof quarantinedOpSchema>;

export const pushResponseSchema = z.object({
  /** Every operation up to this sequence number is stored at head office: the counter's outbox moves here. */
  ackedSeq: z.number().int(),
  applied: z.number().int(),
  /** Stored but not applied (a type head office does not apply). */
  stored: z.number().int(),
  /** Already stored before (a retry or a duplicate delivery): changed nothing. */
  duplicates: z.number().int(),
  quarantined: z.array(quarantinedOpSchema),
  /** Conflict records this batch opened at head office. */
  conflicts: z.number().int(),
  clockSkewMs: z.number().int().nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const FEED_KINDS = [
  'customer',
  'card',
  'price_version',
  'fee_item',
  'purchase_limits',
  'staff',
  'conflict',
  'service_step',
  'usage_referral',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const pullQuerySchema = z.object({
  cursor: z.coerce.number({ error: '游标必须是整数' }).int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const feedEntrySchema = z.object({
  cursor: z.number().int(),
  kind: z.enum(FEED_KINDS),
  key: z.string(),
  /** Per kind: see core/sync/feed.ts. Validated by the counter before it is applied. */
  data: z.unknown(),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;

export const pullResponseSchema = z.object({
  entries: z.array(feedEntrySchema),
  /** Pass this cursor to the next pull. */
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const dayDigestSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  count: z.number().int().min(0),
  amount: z.number().int(),
  volume: z.number().int(),
  idsHash: z.string().max(64),
  lastSeq: z.number().int().min(0),
});

export const reconcileRequestSchema = z.object({
  upToSeq: z.number().int().min(0),
  days: z.array(dayDigestSchema).max(4000),
});
export type ReconcileRequest = z.infer<typeof reconcileRequestSchema>;

export const digestMismatchSchema = z.object({
  day: z.string(),
  field: z.string(),
  counter: dayDigestSchema.nullable(),
  headOffice: dayDigestSchema.nullable(),
});
export type DigestMismatchReport = z.infer<typeof digestMismatchSchema>;

export const reconcileResponseSchema = z.object({
  /** false when head office's head is not the counter's `upToSeq` (push first, then reconcile). */
  compared: z.boolean(),
  headSeq: z.number().int(),
  mismatches: z.array(digestMismatchSchema),
});
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { error: '登记码格式应为 XXXX-XXXX-XXXX' }),
  counterId: z.string().regex(UUID_RE, { error: '柜台编号格式不正确' }),
  hallCode: z.string().regex(/^\d{4}$/, { error: '网点编号为 4 位数字' }),
  counterCode: z.string().regex(/^\d{2}$/, { error: '柜台编号为 2 位数字' }),
  counterName: text(40, '柜台名称'),
  /** Ed25519 public key, SPKI DER, base64. */
  publicKey: z.string().min(40).max(200),
  /** Signature of enrollmentProofString(code, counterId, publicKey) with the new private key, base64. */
  proof: z.string().min(40).max(200),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  counterId: z.string(),
  slotId: z.string(),
  hallCode: z.string(),
  hallName: z.string(),
  counterCode: z.string(),
  counterName: z.string(),
  /** The hall's IANA time zone: the counter dates its business days and digests in it from now on. */
  timeZone: z.string(),
  enrolledAt: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const statusResponseSchema = z.object({
  counterId: z.string(),
  headSeq: z.number().int(),
  quarantined: z.number().int(),
  openConflicts: z.number().int(),
  clockSkewMs: z.number().int().nullable(),
  serverTime: z.string(),
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: z.string(),
});

export const errorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  detail: z.string().optional(),
  /** Typed facts the counter acts on (e.g. `expectedSeq` of SYNC_SEQUENCE_GAP); never parsed out of `detail`. */
  fields: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z
    .array(
      z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }),
    )
    .optional(),
});
