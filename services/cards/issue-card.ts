/**
 * 开户发卡 and the issuing half of 补卡: the blank card in the reader gets the header (card number, account,
 * region, generation) written and protected, then its own PSC. Resumable from any point: the card says how far
 * it got (docs/card-format.md "Issuing"), so a cut issue is finished with the PSC the card has — its own first
 * when it may already carry it — and never the transport PSC twice. A card number is taken only once the card
 * accepted its batch's transport PSC; a batch whose PSC a card refused is not tried again (card-stock.ts).
 * Runtime: Node.
 */
import { refuseOtherHall } from '../customers/customer-rows';
import { AppError } from '../../core/errors';
import { activeCardOf, cardsOf, findCustomer, insertCard, takeNumber } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentStock, writeFromStock } from './card-stock';
import { carriedToNewCard } from './catch-up';
import { stationOf } from './customer-card';
import { FOREIGN_WHY, identify } from './identify';

/** 16 digits: the region (4), this counter (2), a sequence (10). */
export function nextCardNo(app: App, region: number): string {
  const c = app.counter()!;
  const seq = takeNumber(app.gdb.sqlite, 'card');
  return `${String(region).padStart(4, '0')}${c.counterCode}${String(seq).padStart(10, '0')}`;
}

/** Writes a new card for the customer; returns its number. Does not record it (the caller does, in its transaction). */
export async function writeNewCard(
  app: App,
  customerId: string,
  operatorId: string,
): Promise<{ cardNo: string; formatId: string }> {
  const station = stationOf(app);
  const customer = findCustomer(app.db, customerId);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  const got = await station.readCard();
  if (!got) throw new AppError('NO_CARD');
  const who = identify(app, got.record, station.region);
  if (who.is === 'damaged') throw new AppError('CARD_DAMAGED');
  if (who.is === 'foreign') throw new AppError('CARD_FOREIGN', { detail: FOREIGN_WHY[who.why] });
  if (who.is === 'ours' || who.is === 'unknown')
    throw new AppError(who.is === 'ours' ? 'CUSTOMER_HAS_CARD' : 'CARD_FOREIGN', { detail: '请插入空白卡' });
  if (who.is === 'half-issued' && who.record.header.accountNo !== customer.accountNo)
    throw new AppError('CARD_WRONG_CUSTOMER', { detail: '这张卡是为另一位用户发卡时中断的' });
  let cardNo = who.is === 'half-issued' ? who.record.header.cardNo : '';
  if (got.triesLeft === 0) throw new AppError('CARD_LOCKED');
  // Only a card still on its transport PSC needs the batch's; one that may carry its own is tried with that first.
  const needsTransport = who.is === 'blank' || who.record.issue !== 'done';
  const stock = needsTransport ? currentStock(app) : null;
  const generation = cardsOf(app.gdb.sqlite, customerId).length;
  const header = () => {
    cardNo = app.transaction(() => nextCardNo(app, station.region));
    return {
      kind: 'user' as const,
      region: station.region,
      cardNo,
      accountNo: customer.accountNo,
      generation,
    };
  };
  await writeFromStock(app, operatorId, stock, who.is === 'blank' || who.record.issue === 'header', () =>
    got.format.issue(got.reader, header, station.keys, {
      image: got.image,
      transportPsc: stock?.psc,
      carried: () => carriedToNewCard(app, customerId),
    }),
  );
  return { cardNo, formatId: got.format.id };
}

export async function issueCard(app: App, operatorId: string, customerId: string) {
  const customer = findCustomer(app.db, customerId);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  refuseOtherHall(app, customerId); // another hall's cards are issued at its hall
  if (customer.status !== 'active') throw new AppError('CUSTOMER_NOT_ACTIVE');
  if (activeCardOf(app.gdb.sqlite, customerId)) throw new AppError('CUSTOMER_HAS_CARD');
  const { cardNo, formatId } = await writeNewCard(app, customerId, operatorId);
  const station = stationOf(app);
  const issuedAt = app.nowIso();
  app.transaction(() => {
    if (activeCardOf(app.gdb.sqlite, customerId)) throw new AppError('CUSTOMER_HAS_CARD');
    insertCard(app.gdb.sqlite, {
      id: app.newId(),
      cardNo,
      customerId,
      formatId,
      region: station.region,
      status: 'active',
      issuedAt,
      issuedBy: operatorId,
      replacesCardId: null,
    });
    app.ledger().append({
      type: 'card.issued',
      payload: { customerId, cardNo, formatId, region: station.region },
      operatorId,
      audit: {
        action: 'card.issued',
        summary: `发卡：${customer.name}（${customer.accountNo}）卡号 ${cardNo}`,
      },
    });
  });
  return { cardNo, status: 'active' as const, issuedAt, purchaseCount: 0 };
}

export const cardsIssue: Handlers['cards.issue'] = (input, call) =>
  issueCard(call.app, operatorOf(call).staffId, input.customerId);
