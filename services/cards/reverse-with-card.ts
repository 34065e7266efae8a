/**
 * 冲正 of a purchase that is on a card: only while its gas is still on the card (not loaded into the meter).
 * The card is cleared first — the same purchase count written with no gas, so the meter can never load it —
 * and only then is the reversal entered. If the card leaves mid-clear, the clear stays pending with the
 * reversal it prepares, and both are completed when the card shows it was cleared. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { findSale, insertCardWrite, writesOfSale } from '../../db';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from '../cash/shift-guard';
import { reversible } from '../sales/reverse';
import { loadSale } from '../sales/sale-view';
import { writeAndSettle } from './card-writer';
import { customerCardInReader } from './customer-card';
import { writeHonouringFlag } from './psc-flag';
import type { ReversalFollowUp } from './journal';

export const cardsReverseSale: Handlers['cards.reverseSale'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const sale = findSale(app.gdb.sqlite, input.saleId);
  if (!sale?.customerId) throw new AppError('NOT_FOUND');
  reversible(app, sale.id, true);
  requireOpenShift(app, operatorId);
  const writes = writesOfSale(app.gdb.sqlite, sale.id);
  if (writes.some((w) => w.status === 'pending')) throw new AppError('CARD_WRITE_UNCERTAIN');
  const written = writes.find((w) => w.kind === 'purchase' && w.status === 'confirmed');
  if (!written) throw new AppError('SALE_NOT_ON_CARD');
  const ready = await customerCardInReader(app, sale.customerId, operatorId, { allowPending: true });
  const p = ready.inReader.record.purchase;
  // A meter maker's meter takes the gas off its card when it loads it (maker-format.ts): this purchase, loaded.
  if (
    p &&
    p.count === written.count &&
    p.volume === 0 &&
    written.volume > 0 &&
    !ready.inReader.record.pending
  )
    throw new AppError('GAS_ALREADY_LOADED');
  if (!p || p.count !== written.count || p.volume !== written.volume)
    throw new AppError('NOT_REVERSIBLE', { detail: '卡内已不是这笔购气（之后又购过气或已补卡）' });
  if (!ready.inReader.record.pending) throw new AppError('GAS_ALREADY_LOADED');
  const approver = await requireApproval(app, input.approval, '冲正', operatorId);
  const reversalId = app.newId();
  const followUp: ReversalFollowUp = {
    reverse: {
      saleId: sale.id,
      reason: input.reason,
      approver: { id: approver.id, displayName: approver.displayName },
      reversalId,
    },
  };
  const w = {
    id: app.newId(),
    cardNo: ready.card.cardNo,
    customerId: sale.customerId,
    saleId: sale.id,
    kind: 'clear' as const,
    count: p.count,
    volume: 0,
    cumulative: p.cumulative - p.volume,
    status: 'pending' as const,
    reason: input.reason,
    operatorId,
    approverId: approver.id,
    followUp: JSON.stringify(followUp),
    createdAt: app.nowIso(),
  };
  // A flagged card: the 班长 who approves the 冲正 allows its one PSC attempt too (psc-flag.ts).
  const check = {
    cardNo: w.cardNo,
    customerId: w.customerId,
    operatorId,
    approverId: approver.id,
    saleId: sale.id,
  };
  app.transaction(() => insertCardWrite(app.gdb.sqlite, w));
  await writeHonouringFlag(app, check, () =>
    writeAndSettle(app, w, ready, { operatorId, confirmLastTry: input.confirmLastTry }),
  );
  return loadSale(app, reversalId);
};
