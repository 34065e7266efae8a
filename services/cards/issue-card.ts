/**
 * 开户发卡 and the issuing half of 补卡: the blank card in the reader gets the header (card number, account,
 * region) written and protected, then its own PSC. A card whose issuing was interrupted (header written, PSC
 * still the transport one) is finished rather than wasted. Runtime: Node.
 */
import { AREA, ISSUED_MARK } from '../../core/card/gas-card';
import { AppError } from '../../core/errors';
import { activeCardOf, cardByNo, findCustomer, insertCard, takeNumber } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { guard } from './card-station';
import { stationOf } from './customer-card';

/** 16 digits: the region (4), this counter (2), a sequence (10). */
function nextCardNo(app: App, region: number): string {
  const c = app.counter()!;
  const seq = takeNumber(app.gdb.sqlite, 'card');
  return `${String(region).padStart(4, '0')}${c.counterCode}${String(seq).padStart(10, '0')}`;
}

/** Writes a new card for the customer; returns its number. Does not record it (the caller does, in its transaction). */
export async function writeNewCard(
  app: App,
  customerId: string,
): Promise<{ cardNo: string; formatId: string }> {
  const station = stationOf(app);
  const customer = findCustomer(app.db, customerId);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  const got = await station.readCard();
  if (!got) throw new AppError('NO_CARD');
  const r = got.record;
  let cardNo: string;
  if (r.state === 'blank') cardNo = app.transaction(() => nextCardNo(app, station.region));
  else if (
    r.state === 'ok' &&
    r.header.kind === 'user' &&
    !cardByNo(app.gdb.sqlite, r.header.cardNo) &&
    r.header.accountNo === customer.accountNo
  )
    cardNo = r.header.cardNo; // an interrupted issue for this customer: finish it
  else if (r.state === 'ok')
    throw new AppError(cardByNo(app.gdb.sqlite, r.header.cardNo) ? 'CUSTOMER_HAS_CARD' : 'CARD_FOREIGN', {
      detail: '请插入空白卡',
    });
  else throw new AppError(r.state === 'damaged' ? 'CARD_DAMAGED' : 'CARD_FOREIGN');
  // An interrupted card whose own PSC is already set (marked) needs nothing more on the card; otherwise issuing
  // writes the same header bytes again (harmless on protected bytes), protects them and changes the PSC.
  if (got.image[AREA.issued.start] !== ISSUED_MARK)
    await guard(() =>
      got.format.issue(
        got.reader,
        { kind: 'user', region: station.region, cardNo, accountNo: customer.accountNo },
        station.keys,
      ),
    );
  return { cardNo, formatId: got.format.id };
}

export async function issueCard(app: App, operatorId: string, customerId: string) {
  const customer = findCustomer(app.db, customerId);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  if (customer.status !== 'active') throw new AppError('CUSTOMER_NOT_ACTIVE');
  if (activeCardOf(app.gdb.sqlite, customerId)) throw new AppError('CUSTOMER_HAS_CARD');
  const { cardNo, formatId } = await writeNewCard(app, customerId);
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
