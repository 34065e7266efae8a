/**
 * Before a sale takes money (购气) and before a paid sale is written again (重新写卡): the card in the reader is
 * read once and identified (the customer's own, usable: services/cards/customer-card.ts), and its PSC state is
 * known — the PSC is presented once now, so a card that will not take the write refuses the sale before
 * anything is paid. The last try is used only with the clerk's confirmation (`confirmLastTry`). A card that
 * refused its PSC is flagged (card_psc_checks, with its ledger operation) and the program does not present a
 * PSC to it again until a 班长 approves one more attempt; an approved attempt that passes lifts the flag.
 * Runtime: Node.
 */
import type { Approval } from '../../core/contract';
import { AppError } from '../../core/errors';
import { pscFlagOf, type StaffRow } from '../../db';
import type { App } from '../app';
import { customerCardInReader, type ReadyCard } from '../cards/customer-card';
import { flaggedCardApproval, pscRefusal, recordPscCheck } from '../cards/psc-flag';

export interface CardReadyOptions {
  readonly confirmLastTry?: boolean;
  /** A 班长's approval: needed only when the card is flagged. */
  readonly approval?: Approval;
  /** The paid sale being written again (重新写卡), for the record. */
  readonly saleId?: string;
}

/**
 * Refuses (AppError) when the customer's card cannot take a write now; resolves with the card as read, its
 * PSC accepted in this power-up, when it can. The caller writes it in the same turn of the station
 * (`station.exclusive`), so the sale's write uses this one read and this one presentation of the PSC.
 */
export async function cardReadyForSale(
  app: App,
  customerId: string,
  operatorId: string,
  opts: CardReadyOptions = {},
): Promise<ReadyCard | undefined> {
  const station = app.cardStation;
  // Without a reader of its own (a configured port only), the port's own check is all there is.
  if (!station) return void (await app.cardWriter?.precheck?.(customerId, operatorId));
  return station.exclusive(async () => {
    const ready = await customerCardInReader(app, customerId, operatorId);
    const cardNo = ready.card.cardNo;
    const flag = pscFlagOf(app.gdb.sqlite, cardNo);
    let approver: StaffRow | undefined;
    if (flag) {
      if (!opts.approval)
        throw new AppError('CARD_PSC_FLAGGED', { fields: { triesLeft: ready.inReader.triesLeft } });
      approver = await flaggedCardApproval(app, opts.approval, operatorId);
    }
    if (ready.inReader.triesLeft === 1 && !opts.confirmLastTry) throw new AppError('CARD_LAST_TRY');
    const check = {
      cardNo,
      customerId,
      operatorId,
      approverId: approver?.id ?? null,
      saleId: opts.saleId ?? null,
    };
    try {
      await station.checkPsc(cardNo, { allowLastTry: opts.confirmLastTry });
    } catch (e) {
      const refused = pscRefusal(e);
      if (refused) app.transaction(() => recordPscCheck(app, { ...check, outcome: 'refused', ...refused }));
      throw e;
    }
    if (flag) app.transaction(() => recordPscCheck(app, { ...check, outcome: 'accepted', triesLeft: 3 }));
    return ready;
  });
}
