/**
 * Sales (gas, fees, reversals, refunds) with their lines and tenders, the card-write outcome of a sale,
 * shifts and meter readings. A sale that spends a customer's balance head office does not see is a conflict
 * (the money is recorded as it happened; the conflict is for a person to settle). Runtime: Node.
 */
import { meterReadingSchema, shiftClosedSchema, shiftOpenedSchema } from './payloads';
import { checkedSale, checkedStatus } from './early-sales';
import { APPLIED, type Batch, type Outcome, type PushedOp, quarantined } from './batch';
import { claimCount } from './apply-cards';

export function applySale(b: Batch, op: PushedOp): Outcome {
  const p = checkedSale(op);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `收费记录内容不完整：${p.error.issues[0]?.message ?? ''}`);
  // The sale row itself went in with the ops rows (early-sales.ts).
  const s = p.data;
  b.knownSales.add(s.id);
  b.batchSales.add(s.id);
  const delta = s.balanceAdded - s.balanceUsed;
  const c = s.customerId ? b.customers.get(s.customerId) : undefined;
  if (c && delta !== 0) {
    const before = c.balance;
    c.balance += delta;
    c.balanceBy[b.ctx.counterId] = (c.balanceBy[b.ctx.counterId] ?? 0) + delta;
    c.dirty = true;
    c.publish = true; // every counter of the hall sees the customer's balance
    if (c.balance < 0 && s.balanceUsed > 0)
      b.conflict(op, {
        kind: 'balance',
        entityType: 'customer',
        entityId: c.id,
        field: 'balance',
        current: before,
        incoming: { saleId: s.id, balanceUsed: s.balanceUsed },
        currentCounterId: null,
      });
  }
  return APPLIED;
}

export function applySaleStatus(b: Batch, op: PushedOp): Outcome {
  const p = checkedStatus(op);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `写卡结果内容不完整：${p.error.issues[0]?.message ?? ''}`);
  const { saleId, status, cardNo, purchaseCount } = p.data;
  if (!b.knownSales.has(saleId))
    return quarantined('UNKNOWN_SALE', '总部没有这笔购气记录（购气记录未到或被隔离）');
  if (!b.batchSales.has(saleId)) b.saleStatus.set(saleId, status); // else already stored with it
  if (status === 'completed' && cardNo && purchaseCount !== undefined)
    claimCount(b, op, cardNo, purchaseCount);
  return APPLIED;
}

export function applyShiftOpened(b: Batch, op: PushedOp): Outcome {
  const p = shiftOpenedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `开班内容不完整：${p.error.issues[0]?.message ?? ''}`);
  putShift(b, p.data);
  return APPLIED;
}

export function applyShiftClosed(b: Batch, op: PushedOp): Outcome {
  const p = shiftClosedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `交班内容不完整：${p.error.issues[0]?.message ?? ''}`);
  putShift(b, p.data.shift);
  return APPLIED;
}

function putShift(b: Batch, s: ReturnType<typeof shiftOpenedSchema.parse>): void {
  b.shifts.set(s.id, {
    id: s.id,
    counterId: b.ctx.counterId,
    operatorId: s.operator.id,
    businessDate: s.businessDate,
    openedAt: s.openedAt,
    float: s.float,
    status: s.status,
    closedAt: s.closedAt,
    counted: s.counted,
    expected: s.expected,
    difference: s.difference,
    note: s.note,
  });
}

export function applyReading(b: Batch, op: PushedOp): Outcome {
  const p = meterReadingSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `表具读数内容不完整：${p.error.issues[0]?.message ?? ''}`);
  let status: unknown;
  try {
    status = JSON.parse(p.data.status);
  } catch {
    status = { raw: p.data.status };
  }
  b.readings.push({
    ...p.data,
    status,
    id: op.id,
    counterId: b.ctx.counterId,
    customerId: op.entityId,
    recordedAt: op.createdAt,
  });
  return APPLIED;
}
