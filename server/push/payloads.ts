/**
 * What head office expects in the payload of each operation type it applies. Anything else in a payload is
 * kept (the op is stored as sent) but ignored; a payload that does not fit is quarantined, never guessed.
 * Runtime: Node.
 */
import { z } from 'zod';
import { customerSchema, shiftSchema } from '../../core/contract';

const int = z.number().int();
/** Stored in an `integer` column. */
const int4 = int.min(-2_147_483_648).max(2_147_483_647);
const nstr = z.string().nullable();

/** Line numbers are a sale's lines' (and tenders') keys at head office: each once. */
function distinctLineNos(rows: { lineNo: number }[]): boolean {
  return new Set(rows.map((r) => r.lineNo)).size === rows.length;
}

export const saleLineSchema = z.object({
  lineNo: int4,
  kind: z.string(),
  tier: int4.nullable(),
  feeItemId: nstr,
  name: z.string(),
  volume: int.nullable(),
  priceLi: int.nullable(),
  qty: int4.nullable(),
  amount: int,
});

export const tenderSchema = z.object({
  lineNo: int4,
  method: z.string(),
  amount: int,
  received: int.nullable(),
  change: int,
  reference: nstr,
});

export const salePayloadSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  invoiceNo: nstr,
  kind: z.string(),
  status: z.string(),
  customerId: nstr,
  userClass: nstr,
  shiftId: z.string(),
  businessDate: z.string(),
  operatorId: z.string(),
  approverId: nstr,
  volume: int,
  amount: int,
  balanceUsed: int,
  balanceAdded: int,
  amountPaid: int,
  priceVersionId: nstr,
  correctsSaleId: nstr,
  reason: nstr,
  createdAt: z.string(),
  lines: z.array(saleLineSchema).refine(distinctLineNos, { error: '明细行号重复' }),
  tenders: z.array(tenderSchema).refine(distinctLineNos, { error: '收款行号重复' }),
});
export type SalePayload = z.infer<typeof salePayloadSchema>;

export const saleStatusPayloadSchema = z.object({
  saleId: z.string(),
  status: z.enum(['completed', 'card_write_failed']),
  /** Present when the outcome was settled from the card (the card-write journal). */
  cardNo: z.string().optional(),
  purchaseCount: int4.optional(),
});

export const customerOpenedSchema = customerSchema;

export const customerChangeSchema = z.object({
  id: z.string(),
  changes: z.record(z.string(), z.unknown()),
  meter: z.object({ id: z.string(), meterNo: z.string() }).loose().optional(),
  /** The customer after the change (added to the payload so head office never has to guess a structure). */
  customer: customerSchema.optional(),
});

export const cardIssuedSchema = z.object({
  customerId: z.string(),
  cardNo: z.string(),
  formatId: z.string(),
  region: int4,
});
export const cardBlockedSchema = z.object({
  customerId: z.string(),
  cardNo: z.string(),
  status: z.enum(['lost', 'replaced']),
  reason: nstr.optional(),
});
export const cardReplacedSchema = z.object({
  customerId: z.string(),
  cardNo: z.string(),
  replaces: nstr,
  purchaseCount: int4,
});
export const cardWrittenSchema = z.object({
  cardNo: z.string(),
  kind: z.string(),
  purchaseCount: int4,
  volume: int,
  saleId: nstr,
});

export const shiftOpenedSchema = shiftSchema;
export const shiftClosedSchema = z.object({ shift: shiftSchema });

export const meterReadingSchema = z.object({
  cardNo: z.string(),
  meterNo: z.string(),
  loadedCount: int4,
  remaining: int,
  cumulativeUsed: int,
  status: z.string(),
  readAt: int,
});
