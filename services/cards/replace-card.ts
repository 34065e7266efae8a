/**
 * 挂失 and 补卡. A lost card is blocked at once (and everywhere once head office knows). A replacement card
 * (one generation later) gets the account's purchase count; a write still unsettled on the old card (it left
 * the reader mid-write) is written onto the new card with the same count, cumulative and sale, and otherwise,
 * if the last purchase was never loaded into the meter (no reading shows it loaded), that purchase is written
 * again — with the same count either way, so the meter can only ever load it once, whichever card reaches it
 * first (and a meter that has seen the new card refuses the old one). The old card's stale purchase is
 * cancelled on it the next time it is seen (stale-purchase.ts). Runtime: Node.
 */
import { refuseOtherHall } from '../customers/customer-rows';
import { AppError } from '../../core/errors';
import { activeCardOf, blockCard, cardsOf, findCustomer, insertCard } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { writeAndSettle } from './card-writer';
import { stationOf } from './customer-card';
import { catchUpRow } from './catch-up';
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
  refuseOtherHall(app, input.customerId); // another hall's card is blocked at its hall
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
  refuseOtherHall(app, customer.id); // another hall's card is replaced at its hall
  if (customer.status !== 'active') throw new AppError('CUSTOMER_NOT_ACTIVE');
  if (cardsOf(app.gdb.sqlite, customer.id).length === 0)
    throw new AppError('NO_ACTIVE_CARD', { detail: '从未发过卡，请办理开户发卡' });
  const { cardNo, formatId } = await writeNewCard(app, customer.id, operatorId);
  const station = stationOf(app);
  const old = activeCardOf(app.gdb.sqlite, customer.id);
  const w = app.transaction(() => {
    blockAll(app, customer.id, 'replaced', input.reason, operatorId);
    const row = catchUpRow(app, customer.id, cardNo, 0, operatorId);
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
        purchaseCount: row?.count ?? 0,
        rewroteLastPurchase: (row?.volume ?? 0) > 0,
      },
      operatorId,
      audit: {
        action: 'card.replaced',
        summary: `补卡：${customer.name} 新卡 ${cardNo}${old ? `（旧卡 ${old.cardNo} 作废）` : ''}`,
        reason: input.reason,
      },
    });
    return row;
  });
  if (w) {
    const got = await station.readCard({ triesLeft: false });
    if (!got) throw new AppError('CARD_WRITE_UNCERTAIN');
    await writeAndSettle(app, w, { inReader: got }, { operatorId });
  }
  return {
    card: { cardNo, status: 'active' as const, issuedAt: app.nowIso(), purchaseCount: w?.count ?? 0 },
    rewroteLastPurchase: (w?.volume ?? 0) > 0,
  };
};
