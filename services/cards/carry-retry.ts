/**
 * 换表结转重新写卡: a 换表 whose carry never reached the card (the write failed: the card refused it, or was
 * taken out before anything was written) leaves the old meter's remaining gas owed to the customer. The meter
 * change itself stands (the old meter is removed, the new one registered); this puts each owed carry on the
 * customer's card under the next purchase count, once — the retry names the carry it retries, so a carry is
 * never written twice, and a retry that fails leaves it owed. A flagged card needs a 班长's approval
 * (psc-flag.ts). Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatCubicMetres } from '../../core/quantities';
import { type CardWriteRow, insertCardWrite, nextCount, owedCarriesOf, pscFlagOf } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { writeAndSettle } from './card-writer';
import { customerCardInReader } from './customer-card';
import { flaggedCardApproval, writeHonouringFlag } from './psc-flag';

export const metersWriteCarry: Handlers['meters.writeCarry'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const owed = owedCarriesOf(app.gdb.sqlite, input.customerId);
  if (owed.length === 0) throw new AppError('CARRY_NOT_OWED');
  const ready = await customerCardInReader(app, input.customerId, operatorId);
  const approver = pscFlagOf(app.gdb.sqlite, ready.card.cardNo)
    ? await flaggedCardApproval(app, input.approval, operatorId)
    : undefined;
  // One carry at a time, the oldest: the card holds one purchase, and the meter loads it before the next.
  const root = owed[0]!;
  const w: CardWriteRow = app.transaction(() => {
    const n = nextCount(app.gdb.sqlite, input.customerId, root.volume);
    const row: CardWriteRow = {
      id: app.newId(),
      cardNo: ready.card.cardNo,
      customerId: input.customerId,
      saleId: null,
      kind: 'carry',
      count: n.lastCount,
      volume: root.volume,
      cumulative: n.cumulative,
      status: 'pending',
      reason: root.reason,
      operatorId,
      approverId: approver?.id ?? null,
      followUp: JSON.stringify({ retryOf: root.id }),
      createdAt: app.nowIso(),
    };
    insertCardWrite(app.gdb.sqlite, row);
    app.ledger().append({
      type: 'meter.carryRetried',
      payload: {
        customerId: row.customerId,
        cardNo: row.cardNo,
        retryOf: root.id,
        purchaseCount: row.count,
        volume: row.volume,
      },
      operatorId,
      approverId: row.approverId,
      audit: {
        action: 'meter.carryRetried',
        summary: `换表结转重新写卡：${formatCubicMetres(row.volume)} m³（第 ${row.count} 次）写入卡 ${row.cardNo}`,
      },
    });
    return row;
  });
  const check = {
    cardNo: w.cardNo,
    customerId: w.customerId,
    operatorId,
    approverId: w.approverId,
    saleId: null,
  };
  await writeHonouringFlag(app, check, () =>
    writeAndSettle(app, w, ready, { operatorId, confirmLastTry: input.confirmLastTry }),
  );
  return { purchaseCount: w.count, carried: w.volume, stillOwed: owed.length - 1 };
};
