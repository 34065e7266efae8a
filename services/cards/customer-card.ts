/**
 * The customer's own card, in the reader, ready to be written: one read of the bytes the format uses; the
 * card told apart from another company's or region's (identify.ts) before anything else; the right card, not
 * blocked, not damaged; pending writes of the card settled from what it holds; its purchase count not ahead
 * of what this counter knows (a conflict otherwise, recorded); and nothing left unloaded on it unless the
 * caller allows it. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import {
  type AccountCount,
  accountCount,
  activeCardOf,
  type CardRow,
  conflictKnown,
  insertConflict,
} from '../../db';
import type { App } from '../app';
import type { CardInReader, CardStation } from './card-station';
import { FOREIGN_WHY, identify } from './identify';
import { resolveFromCard } from './journal';

export interface ReadyCard {
  card: CardRow;
  inReader: CardInReader & { record: Extract<CardInReader['record'], { state: 'ok' }> };
  count: AccountCount;
}

export function stationOf(app: App): CardStation {
  if (!app.cardStation) throw new AppError('READER_NOT_CONFIGURED');
  return app.cardStation;
}

export async function customerCardInReader(
  app: App,
  customerId: string,
  operatorId: string,
  opts: { allowPending?: boolean; triesLeft?: boolean } = {},
): Promise<ReadyCard> {
  const card = activeCardOf(app.gdb.sqlite, customerId);
  if (!card) throw new AppError('NO_ACTIVE_CARD');
  const station = stationOf(app);
  const inReader = await station.readCard({ triesLeft: opts.triesLeft });
  if (!inReader) throw new AppError('NO_CARD');
  const who = identify(app, inReader.record, station.region);
  if (who.is === 'blank') throw new AppError('CARD_BLANK');
  if (who.is === 'damaged') throw new AppError('CARD_DAMAGED');
  if (who.is === 'foreign') throw new AppError('CARD_FOREIGN', { detail: FOREIGN_WHY[who.why] });
  if (who.is !== 'ours' || who.card.customerId !== customerId) throw new AppError('CARD_WRONG_CUSTOMER');
  if (who.card.cardNo !== card.cardNo) throw new AppError('CARD_BLOCKED');
  if (inReader.triesLeft === 0) throw new AppError('CARD_LOCKED');
  const rec = who.record;
  app.transaction(() => resolveFromCard(app, card.cardNo, customerId, rec.purchase, operatorId));
  const count = accountCount(app.gdb.sqlite, customerId);
  const onCard = rec.purchase?.count ?? 0;
  if (onCard > count.lastCount) {
    app.transaction(() => {
      if (!conflictKnown(app.gdb.sqlite, card.cardNo, onCard))
        insertConflict(app.gdb.sqlite, {
          id: app.newId(),
          cardNo: card.cardNo,
          customerId,
          cardCount: onCard,
          knownCount: count.lastCount,
          detail: '卡内购气次数超过本柜台记录（可能在其他柜台离线售气）',
          at: app.nowIso(),
        });
    });
    throw new AppError('CARD_AHEAD');
  }
  if (rec.pending && !opts.allowPending) throw new AppError('CARD_GAS_PENDING');
  return { card, inReader: { ...inReader, record: rec }, count };
}
