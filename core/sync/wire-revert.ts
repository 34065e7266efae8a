/**
 * The admin API's view of one counter's ledger at head office and the revert of a revoked or compromised
 * counter's operations as correcting entries (server/admin/revert.ts). Runtime: any.
 */
import { z } from 'zod';
import { trimmed } from '../contract/common';

const text = trimmed;

export const counterOpsQuerySchema = z.object({
  since: z.coerce.number({ error: '起始序号必须是整数' }).int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const counterOpSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  /** applied | stored (kept, a type head office does not apply) | quarantined */
  state: z.enum(['applied', 'stored', 'quarantined']),
  createdAt: z.string(),
  operatorId: z.string(),
  quarantine: z.object({ code: z.string(), reason: z.string() }).nullable(),
  reverted: z
    .object({ at: z.string(), reason: z.string(), by: z.string(), requestId: z.string() })
    .nullable(),
});

export const counterOpsSchema = z.object({
  counterId: z.string(),
  ops: z.array(counterOpSchema),
});

/**
 * The caller's id of one administrator write (a UUID, or any 8–64 letters, digits, - and _ an automation
 * chooses): the same request sent again answers the first result and changes nothing (server/admin/once.ts).
 */
export const adminRequestIdSchema = z
  .string({ error: '请填写请求编号（requestId）' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号为 8–64 位字母、数字、-、_' });

export const revertInputSchema = z.object({
  /** Every applied operation from this sequence number on is reverted. */
  sinceSeq: z.number({ error: '请填写起始序号' }).int().min(1),
  reason: text(200, '撤销原因'),
  by: text(40, '处理人'),
  requestId: adminRequestIdSchema,
});
export type RevertInput = z.output<typeof revertInputSchema>;

export const revertedOpSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  /** What head office put back (Chinese, one line each). */
  corrected: z.array(z.string()),
  /** What it left, because a later change had already replaced the operation's. */
  left: z.array(z.string()),
});

export const revertResultSchema = z.object({
  requestId: z.string(),
  counterId: z.string(),
  reverted: z.array(revertedOpSchema),
});
export type RevertResult = z.output<typeof revertResultSchema>;
