/**
 * 挂失 and 补卡. A lost card is blocked at once (and everywhere once head office knows). A replacement card
 * (one generation later) gets the account's purchase count; a write still unsettled on the old card (it left
 * the reader mid-write) is written onto the new card with the same count, cumulative and sale, and otherwise,
 * if the last purchase was never loaded into the meter (no reading shows it loaded), that purchase is written
 * again — with the same count either way, so the meter can only ever load it once, whichever card reaches it
 * first (and a meter that has seen the new card refuses the old one). The old card's stale purchase is
 * cancelled on it the next time it is seen (stale-purchase.ts). Runtime: Node.
 */
import { AppError } from '../../core/errors';
import {
  accountCount,
  activeCardOf,
  blockCard,
  cardsOf,
  findCustomer,
  insertCard,
  insertCardWrite,
  lastConfirmedWrite,
  maxLoadedCount,
  unsettledWritesOfAccount,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { writeAndSettle } from './card-writer';
import { stationOf } from './customer-card';
import { writeNewCard } from './issue-card';

function blockAll(
  app: App,
  customerId: string,
  status: 'lost' | 'replaced',
  reason: string,
  operatorId: string,
): string[] {
  const blocked: string[] = [];
  for (const c of cardsOf(app.gdb.sqlite, customerId).filter((x) => x.status === 'active')) {
    blockCard(app.gdb.sqlite, c.id, status, app.nowIso(), reason);
    blocked.push(c.cardNo);
    app.ledger().append({
      type: 'card.blocked',
      payload: { customerId, cardNo: c.cardNo, status, reason },
      operatorId,
      audit: {
        action: 'card.blocked',
        summary: `${status === 'lost' ? '挂失' : '补卡作废'}：卡 ${c.cardNo}`,
        reason,
      },
    });
  }
  return blocked;
}

export const cardsReportLost: Handlers['cards.reportLost'] = (input, call) => {
  const { app } = call;
  if (!findCustomer(app.db, input.customerId)) throw new AppError('CUSTOMER_NOT_FOUND');
  if (!activeCardOf(app.gdb.sqlite, input.customerId)) throw new AppError('NO_ACTIVE_CARD');
  const blocked = app.transaction(() =>
    blockAll(app, input.customerId, 'lost', input.reason, operatorOf(call).staffId),
  );
  return { blocked };
};

export const cardsReplace: Handlers['cards.replace'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const customer = findCustomer(app.db, input.customerId);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  if (customer.status !== 'active') throw new AppError('CUSTOMER_NOT_ACTIVE');
  if (cardsOf(app.gdb.sqlite, customer.id).length === 0)
    throw new AppError('NO_ACTIVE_CARD', { detail: '从未发过卡，请办理开户发卡' });
  const { cardNo, formatId } = await writeNewCard(app, customer.id, operatorId);
  const station = stationOf(app);
  const old = activeCardOf(app.gdb.sqlite, customer.id);
  const count = accountCount(app.gdb.sqlite, customer.id);
  const last = lastConfirmedWrite(app.gdb.sqlite, customer.id);
  // At most one write of an account is unsettled at a time (a new one first settles its card's).
  const open = unsettledWritesOfAccount(app.gdb.sqlite, customer.id).find(
    (x) => x.kind !== 'clear' && x.volume > 0 && x.count === count.lastCount + 1,
  );
  const unloaded =
    !!open ||
    (!!last &&
      last.count === count.lastCount &&
      last.volume > 0 &&
      maxLoadedCount(app.gdb.sqlite, customer.id) < last.count);
  const w = app.transaction(() => {
    blockAll(app, customer.id, 'replaced', input.reason, operatorId);
    insertCard(app.gdb.sqlite, {
      id: app.newId(),
      cardNo,
      customerId: customer.id,
      formatId,
      region: station.region,
      status: 'active',
      issuedAt: app.nowIso(),
      issuedBy: operatorId,
      replacesCardId: old?.id ?? null,
    });
    app.ledger().append({
      type: 'card.replaced',
      payload: {
        customerId: customer.id,
        cardNo,
        replaces: old?.cardNo ?? null,
        purchaseCount: open?.count ?? count.lastCount,
        rewroteLastPurchase: unloaded,
      },
      operatorId,
      audit: {
        action: 'card.replaced',
        summary: `补卡：${customer.name} 新卡 ${cardNo}${old ? `（旧卡 ${old.cardNo} 作废）` : ''}`,
        reason: input.reason,
      },
    });
    if (!open && count.lastCount === 0) return null;
    const base = {
      id: app.newId(),
      cardNo,
      customerId: customer.id,
      status: 'pending' as const,
      reason: null,
      operatorId,
      approverId: null,
      followUp: null,
      createdAt: app.nowIso(),
    };
    // The unsettled write moves to the new card as it was (its sale completes when the new card holds it).
    const row = open
      ? { ...base, saleId: open.saleId, kind: open.kind, count: open.count, volume: open.volume, cumulative: open.cumulative }
      : {
          ...base,
          saleId: unloaded ? last!.saleId : null,
          kind: 'repeat' as const,
          count: count.lastCount,
          volume: unloaded ? last!.volume : 0,
          cumulative: count.cumulative,
        };
    insertCardWrite(app.gdb.sqlite, row);
    return row;
  });
  if (w) {
    const got = await station.readCard({ triesLeft: false });
    if (!got) throw new AppError('CARD_WRITE_UNCERTAIN');
    await writeAndSettle(app, w, { inReader: got }, { operatorId });
  }
  return {
    card: { cardNo, status: 'active' as const, issuedAt: app.nowIso(), purchaseCount: w?.count ?? 0 },
    rewroteLastPurchase: unloaded,
  };
};
