/**
 * A card blocked by 挂失 or 补卡 may still carry a purchase its meter never loaded — the same purchase (same
 * count) the replacement card carries, or one a 补卡 will rewrite. Until it is seen again the card number is
 * blocked for that purchase (and a meter that has seen the replacement refuses the old card: its generation is
 * lower). The first time the counter sees it, the purchase is cancelled on it: the same count written with no
 * gas (kind `clear`, no reversal), journalled like every write, so no meter can ever load it. Runtime: Node.
 */
import type { CardRow } from '../../db';
import { insertCardWrite, writesOfCard } from '../../db';
import type { App } from '../app';
import type { CardInReader } from './card-station';
import { writeAndSettle } from './card-writer';

export const STALE_REASON = '旧卡已挂失或补卡作废：清除卡上未入表的气，以免表具再装入';

/** Cancels the unloaded purchase on a blocked card in the reader; returns whether it did. Never throws. */
export async function cancelStalePurchase(
  app: App,
  card: CardRow,
  inReader: CardInReader,
  operatorId: string,
): Promise<boolean> {
  const rec = inReader.record;
  if (card.status === 'active' || rec.state !== 'ok' || !rec.pending || !rec.purchase) return false;
  // Never with the card's last PSC try: the card stays blocked, and the meter refuses it after the new card.
  if (inReader.triesLeft < 2) return false;
  const p = rec.purchase;
  const held = writesOfCard(app.gdb.sqlite, card.cardNo).find(
    (w) => w.status === 'confirmed' && w.kind !== 'clear' && w.count === p.count && w.volume === p.volume,
  );
  const w = {
    id: app.newId(),
    cardNo: card.cardNo,
    customerId: card.customerId,
    saleId: held?.saleId ?? null,
    kind: 'clear' as const,
    count: p.count,
    volume: 0,
    cumulative: p.cumulative - p.volume,
    status: 'pending' as const,
    reason: STALE_REASON,
    operatorId,
    approverId: null,
    followUp: null,
    createdAt: app.nowIso(),
  };
  app.transaction(() => insertCardWrite(app.gdb.sqlite, w));
  try {
    await writeAndSettle(app, w, { inReader }, { operatorId });
    return true;
  } catch {
    return false; // pending or failed in the journal; tried again the next time the card is seen
  }
}
