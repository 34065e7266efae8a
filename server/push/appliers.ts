/**
 * Which operation types head office applies to its own tables, and how. Every other type is stored (with its
 * place in the chain and the digests) but not applied. Runtime: Node.
 */
import { applyCardBlocked, applyCardIssued, applyCardReplaced, applyCardWritten } from './apply-cards';
import { applyCustomerChange, applyCustomerOpened } from './apply-customers';
import { applyReading, applySale, applySaleStatus, applyShiftClosed, applyShiftOpened } from './apply-money';
import { type Batch, type Outcome, type PushedOp, quarantined, STORED } from './batch';
import { SALE_STATUS_TYPES, SALE_TYPES } from './early-sales';

type Applier = (b: Batch, op: PushedOp) => Outcome;

export const APPLIERS: Record<string, Applier> = {
  'customer.opened': applyCustomerOpened,
  'customer.updated': applyCustomerChange,
  'customer.suspended': applyCustomerChange,
  'customer.resumed': applyCustomerChange,
  'customer.closed': applyCustomerChange,
  'customer.transferred': applyCustomerChange,
  'customer.meterAdded': applyCustomerChange,
  // The sale types are early-sales.ts's: their rows go in before the lock, so the two lists must be one.
  ...Object.fromEntries([...SALE_TYPES].map((t) => [t, applySale])),
  ...Object.fromEntries([...SALE_STATUS_TYPES].map((t) => [t, applySaleStatus])),
  'shift.opened': applyShiftOpened,
  'shift.closed': applyShiftClosed,
  'meter.reading': applyReading,
  'card.issued': applyCardIssued,
  'card.replaced': applyCardReplaced,
  'card.blocked': applyCardBlocked,
  'card.written': applyCardWritten,
};

export function applyOne(b: Batch, op: PushedOp): Outcome {
  if (op.data === undefined) return quarantined('PAYLOAD_INVALID', '业务内容不是有效的 JSON');
  if (op.unstorable)
    return quarantined('PAYLOAD_INVALID', '业务内容含有无法保存的字符（空字符或不成对的代理项）');
  const fn = APPLIERS[op.type];
  return fn ? fn(b, op) : STORED;
}
