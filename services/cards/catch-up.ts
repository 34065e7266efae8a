/**
 * What the customer's card must hold after a 补卡, and finishing it when it does not yet (the rewrite was cut):
 * a write still unsettled on an old card (it left the reader mid-write) moves to the new card as it was — same
 * count, cumulative and sale — and otherwise the account's last purchase is written again under its own count
 * (with its gas if no reading shows it loaded, else with none). The same count either way: a meter loads it
 * once, whichever card reaches it first. Runtime: Node.
 */
import {
  accountCount,
  type CardRow,
  type CardWriteRow,
  insertCardWrite,
  lastConfirmedWrite,
  maxLoadedCount,
  pendingWritesOf,
  unsettledWritesOfAccount,
} from '../../db';
import type { App } from '../app';
import type { CardInReader } from './card-station';
import { writeAndSettle } from './card-writer';

/** The write that brings a card holding `onCard` purchases up to the account, not yet recorded; or null. */
function catchUpWrite(
  app: App,
  customerId: string,
  cardNo: string,
  onCard: number,
  operatorId: string,
): (CardWriteRow & { unloaded: boolean }) | null {
  const count = accountCount(app.gdb.sqlite, customerId);
  const open = unsettledWritesOfAccount(app.gdb.sqlite, customerId).find(
    (x) => x.cardNo !== cardNo && x.kind !== 'clear' && x.volume > 0 && x.count === count.lastCount + 1,
  );
  if (!open && onCard >= count.lastCount) return null;
  const last = lastConfirmedWrite(app.gdb.sqlite, customerId);
  const unloaded = !!last && last.volume > 0 && maxLoadedCount(app.gdb.sqlite, customerId) < last.count;
  const base = {
    id: app.newId(),
    cardNo,
    customerId,
    status: 'pending' as const,
    reason: null,
    operatorId,
    approverId: null,
    followUp: null,
    createdAt: app.nowIso(),
  };
  const row = open
    ? {
        ...base,
        saleId: open.saleId,
        kind: open.kind,
        count: open.count,
        volume: open.volume,
        cumulative: open.cumulative,
      }
    : {
        ...base,
        saleId: unloaded ? last!.saleId : null,
        kind: 'repeat' as const,
        count: count.lastCount,
        volume: unloaded ? last!.volume : 0,
        cumulative: count.cumulative,
      };
  return { ...row, unloaded: !!open || unloaded };
}

/** The write that brings the card up to the account (inserted pending, in the caller's transaction), or null. */
export function catchUpRow(
  app: App,
  customerId: string,
  cardNo: string,
  onCard: number,
  operatorId: string,
): (CardWriteRow & { unloaded: boolean }) | null {
  const w = catchUpWrite(app, customerId, cardNo, onCard, operatorId);
  if (w) {
    const { unloaded: _, ...row } = w;
    insertCardWrite(app.gdb.sqlite, row);
  }
  return w;
}

/**
 * What a new card of the account starts from when its format writes the replacement in one call (a maker's
 * library): the count and cumulative just before the catch-up write that follows — so that write, journalled
 * like every other, is a plain next purchase on the card and puts the account's last purchase back on it.
 */
export function carriedToNewCard(app: App, customerId: string): { count: number; cumulative: number } {
  const w = catchUpWrite(app, customerId, '', 0, '');
  if (w) return { count: w.count - 1, cumulative: w.cumulative - w.volume };
  const c = accountCount(app.gdb.sqlite, customerId);
  return { count: c.lastCount, cumulative: c.cumulative };
}

/** The customer's active card in the reader is behind its account (a 补卡 cut short): finish it. Never throws. */
export async function catchUpCard(app: App, card: CardRow, inReader: CardInReader, operatorId: string) {
  const rec = inReader.record;
  if (card.status !== 'active' || rec.state !== 'ok' || inReader.triesLeft < 2) return false;
  if (pendingWritesOf(app.gdb.sqlite, card.cardNo).length > 0) return false;
  const w = app.transaction(() =>
    catchUpRow(app, card.customerId, card.cardNo, rec.purchase?.count ?? 0, operatorId),
  );
  if (!w) return false;
  try {
    await writeAndSettle(app, w, { inReader }, { operatorId });
    return true;
  } catch {
    return false;
  }
}
