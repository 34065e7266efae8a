/**
 * 掉气补气: a sale was recorded and written but its gas never reached the meter. Only the account's last
 * purchase, only once, only if no meter reading shows it loaded, and only with a supervisor's approval: the
 * same volume is written again under a new purchase count, free of charge, pointing at the sale. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatCubicMetres } from '../../core/quantities';
import { findSale, insertCardWrite, lastConfirmedWrite, maxLoadedCount, nextCount } from '../../db';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { writeAndSettle } from './card-writer';
import { customerCardInReader } from './customer-card';
import { writeHonouringFlag } from './psc-flag';

export const cardsTopUp: Handlers['cards.topUp'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const sale = findSale(app.gdb.sqlite, input.saleId);
  if (sale?.kind !== 'gas' || sale.status !== 'completed' || !sale.customerId)
    throw new AppError('TOPUP_NOT_ALLOWED', { detail: '只能为已写卡的购气补气' });
  const last = lastConfirmedWrite(app.gdb.sqlite, sale.customerId);
  if (!last || last.saleId !== sale.id || last.kind !== 'purchase')
    throw new AppError('TOPUP_NOT_ALLOWED', { detail: '不是该户最近一次购气' });
  const already = app.gdb.sqlite
    .prepare("SELECT 1 FROM card_writes WHERE sale_id = ? AND kind = 'repeat' AND status <> 'failed'")
    .get(sale.id);
  if (already) throw new AppError('TOPUP_NOT_ALLOWED', { detail: '这笔购气已经补过气' });
  if (maxLoadedCount(app.gdb.sqlite, sale.customerId) >= last.count)
    throw new AppError('TOPUP_NOT_ALLOWED', { detail: '表具读数显示这笔气已入表' });
  const approver = await requireApproval(app, input.approval, '掉气补气', operatorId);
  // The purchase may still sit on the card (the meter never took it): the new count replaces it.
  const ready = await customerCardInReader(app, sale.customerId, operatorId, { allowPending: true });
  const w = app.transaction(() => {
    const n = nextCount(app.gdb.sqlite, sale.customerId!, sale.volume);
    const row = {
      id: app.newId(),
      cardNo: ready.card.cardNo,
      customerId: sale.customerId!,
      saleId: sale.id,
      kind: 'repeat' as const,
      count: n.lastCount,
      volume: sale.volume,
      cumulative: n.cumulative,
      status: 'pending' as const,
      reason: input.reason,
      operatorId,
      approverId: approver.id,
      followUp: null,
      createdAt: app.nowIso(),
    };
    insertCardWrite(app.gdb.sqlite, row);
    app.ledger().append({
      type: 'card.topUp',
      payload: { saleId: sale.id, cardNo: row.cardNo, purchaseCount: row.count, volume: row.volume },
      operatorId,
      approverId: approver.id,
      audit: {
        action: 'card.topUp',
        summary: `掉气补气：收据 ${sale.receiptNo} 的 ${formatCubicMetres(sale.volume)} m³ 重新写卡（第 ${row.count} 次），审批人 ${approver.displayName}`,
        reason: input.reason,
      },
    });
    return row;
  });
  // The 班长 who approves the 补气 allows the one PSC attempt on a flagged card too (psc-flag.ts).
  const check = {
    cardNo: w.cardNo,
    customerId: w.customerId,
    operatorId,
    approverId: approver.id,
    saleId: sale.id,
  };
  await writeHonouringFlag(app, check, () =>
    writeAndSettle(app, w, ready, { operatorId, confirmLastTry: input.confirmLastTry }),
  );
  return { purchaseCount: w.count, volume: w.volume };
};
