/**
 * The card-write journal (reliability.md 2, 20): every write to a card is first recorded as pending, then
 * settled as confirmed or failed — right after the write when the outcome is known, or later from what that
 * card actually holds when it is read again (entries settle per card). Only a confirmed write spends its
 * purchase count and cumulative (a failed one leaves them to the retry). Settling a sale's write moves the
 * sale too; settling a clear on the customer's card completes the reversal it was preparing. Runtime: Node.
 */
import type { PurchaseRecord } from '../../core/card/gas-card';
import {
  accountCount,
  activeCardOf,
  type CardWriteRow,
  insertConflict,
  pendingWritesOf,
  resolveCardWrite,
  settleCardWrite,
  conflictKnown,
  spendCount,
  writesOfSale,
} from '../../db';
import type { App } from '../app';
import { recordReversal } from '../sales/reverse';

export interface ReversalFollowUp {
  reverse: {
    saleId: string;
    reason: string;
    approver: { id: string; displayName: string };
    reversalId: string;
  };
}

/** Settles one pending write, with everything that follows from it; inside the caller's transaction. */
export function settleWrite(
  app: App,
  w: CardWriteRow,
  outcome: 'confirmed' | 'failed',
  reasonGiven: string | null,
  operatorId: string,
): void {
  let reason = reasonGiven;
  if (settleCardWrite(app.gdb.sqlite, w.id, outcome, app.nowIso(), reason) === 0) return;
  // A purchase confirmed on a card after its count was spent elsewhere (a replaced card seen again) is that
  // purchase held twice under one count: recorded as a rewrite, never as a second claim on the count.
  const superseded =
    outcome === 'confirmed' &&
    w.kind !== 'clear' &&
    w.count <= accountCount(app.gdb.sqlite, w.customerId).lastCount;
  if (outcome === 'confirmed' && w.kind !== 'clear')
    spendCount(app.gdb.sqlite, w.customerId, w.count, w.cumulative);
  // A sale follows its writes: completed once any card holds it; failed only when no other card may.
  const otherAlive =
    outcome === 'failed' &&
    !!w.saleId &&
    writesOfSale(app.gdb.sqlite, w.saleId).some(
      (x) => x.id !== w.id && x.kind !== 'clear' && x.status !== 'failed',
    );
  if (w.saleId && (w.kind === 'purchase' || w.kind === 'repeat') && !otherAlive) {
    const status = outcome === 'confirmed' ? 'completed' : 'card_write_failed';
    const moved =
      resolveCardWrite(app.gdb.sqlite, w.saleId, status) ||
      (outcome === 'confirmed'
        ? resolveCardWrite(app.gdb.sqlite, w.saleId, 'completed', 'card_write_failed')
        : 0);
    if (moved) {
      const type = outcome === 'confirmed' ? 'sale.cardWritten' : 'sale.cardWriteFailed';
      app.ledger().append({
        type,
        payload: { saleId: w.saleId, cardNo: w.cardNo, purchaseCount: w.count, status, reason },
        operatorId,
        audit: {
          action: type,
          summary:
            outcome === 'confirmed'
              ? `写卡成功：卡 ${w.cardNo} 第 ${w.count} 次购气`
              : `写卡失败：卡 ${w.cardNo}，款项待退款或重新写卡`,
          reason,
        },
      });
      return;
    }
  }
  const onCustomersCard = activeCardOf(app.gdb.sqlite, w.customerId)?.cardNo === w.cardNo;
  if (w.kind === 'clear' && outcome === 'confirmed' && w.followUp && !onCustomersCard)
    reason = '卡已补卡作废：旧卡已清零，冲正未入账（新卡上仍有这笔气，需要时对新卡重新办理冲正）';
  else if (w.kind === 'clear' && outcome === 'confirmed' && w.followUp) {
    // The gas is off the card: the account's cumulative follows the card, and the reversal is entered.
    app.gdb.sqlite
      .prepare('UPDATE account_counts SET cumulative = ? WHERE customer_id = ?')
      .run(w.cumulative, w.customerId);
    const f = JSON.parse(w.followUp) as ReversalFollowUp;
    recordReversal(
      app,
      w.operatorId,
      f.reverse.saleId,
      f.reverse.reason,
      f.reverse.approver,
      f.reverse.reversalId,
      true,
    );
  }
  const type = outcome === 'confirmed' ? 'card.written' : 'card.writeFailed';
  app.ledger().append({
    type,
    payload: {
      cardNo: w.cardNo,
      kind: superseded && w.kind === 'purchase' ? 'repeat' : w.kind,
      purchaseCount: w.count,
      volume: w.volume,
      saleId: w.saleId,
      reason,
    },
    operatorId,
    approverId: w.approverId,
    audit: {
      action: type,
      summary: `${KIND_ZH[w.kind]}${outcome === 'confirmed' ? '写卡成功' : '写卡失败'}：卡 ${w.cardNo} 第 ${w.count} 次`,
      reason,
    },
  });
}

export const KIND_ZH = { purchase: '购气', repeat: '补写', carry: '换表结转', clear: '冲正清卡' } as const;

/** What a card holds decides every pending write of that card. Returns what was settled. */
export function resolveFromCard(
  app: App,
  cardNo: string,
  customerId: string | null,
  purchase: PurchaseRecord | null,
  operatorId: string,
): { kind: string; saleId: string | null; outcome: 'confirmed' | 'failed' }[] {
  const out: { kind: string; saleId: string | null; outcome: 'confirmed' | 'failed' }[] = [];
  for (const w of pendingWritesOf(app.gdb.sqlite, cardNo)) {
    const count = purchase?.count ?? 0;
    let outcome: 'confirmed' | 'failed';
    let reason: string | null = null;
    if (purchase && count === w.count && purchase.volume === w.volume && purchase.cumulative === w.cumulative)
      outcome = 'confirmed';
    else if (count > w.count) {
      outcome = 'failed';
      reason = `卡内购气次数 ${count} 已超过本次 ${w.count}`;
      if (!conflictKnown(app.gdb.sqlite, cardNo, count))
        insertConflict(app.gdb.sqlite, {
          id: app.newId(),
          cardNo,
          customerId,
          cardCount: count,
          knownCount: w.count,
          detail: reason,
          at: app.nowIso(),
        });
    } else {
      outcome = 'failed';
      reason = '卡内没有这次写入的内容（写卡未完成）';
    }
    settleWrite(app, w, outcome, reason, operatorId);
    out.push({ kind: w.kind, saleId: w.saleId, outcome });
  }
  return out;
}
