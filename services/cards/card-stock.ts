/**
 * Blank card stock (卡批次): each batch of blank cards comes with the transport PSC its maker set (FF FF FF on
 * most, another code on some). 发卡 verifies the newest batch's PSC once per card; when a card refuses it, the
 * batch is marked, and the next 发卡 from it is refused before any try — no card loses a try, and no card
 * number is taken, for a PSC already known to be wrong — until the right one is entered as a new batch.
 * Without any batch the SLE4442 default FF FF FF is used (a refusal then records a batch for it).
 * Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { DEFAULT_PSC } from '../../drivers/card-reader/sle4442';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { guard } from './card-station';

export interface CardStock {
  id: string | null;
  label: string;
  psc: Uint8Array;
}

const DEFAULT_LABEL = '默认出厂密码（FF FF FF）';

const hex = (psc: Uint8Array) => Buffer.from(psc).toString('hex').toUpperCase();

/** The batch a blank card is issued from: the newest one. Refuses when its PSC is known to be wrong. */
export function currentStock(app: App): CardStock {
  const row = app.gdb.sqlite
    .prepare(
      'SELECT id, label, transport_psc AS psc, refused_at AS refusedAt FROM card_stocks ORDER BY created_at DESC, rowid DESC LIMIT 1',
    )
    .get() as { id: string; label: string; psc: string; refusedAt: string | null } | undefined;
  if (row?.refusedAt)
    throw new AppError('CARD_TRANSPORT_PSC_WRONG', {
      detail: `卡批次「${row.label}」的出厂密码已被卡拒绝，请核对后登记正确的卡批次密码`,
    });
  if (!row) return { id: null, label: DEFAULT_LABEL, psc: Uint8Array.from(DEFAULT_PSC) };
  return { id: row.id, label: row.label, psc: Uint8Array.from(Buffer.from(row.psc, 'hex')) };
}

function insertStock(app: App, label: string, psc: Uint8Array, operatorId: string, refused: boolean) {
  const id = app.newId();
  const at = app.nowIso();
  app.gdb.sqlite
    .prepare(
      'INSERT INTO card_stocks (id, label, transport_psc, created_at, created_by, refused_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(id, label, hex(psc), at, operatorId, refused ? at : null);
  return id;
}

/** A card of this batch refused its transport PSC (one try lost on that card): no further card tries it. */
export function refuseStock(app: App, stock: CardStock, operatorId: string): void {
  app.transaction(() => {
    let id = stock.id;
    if (id)
      app.gdb.sqlite
        .prepare('UPDATE card_stocks SET refused_at = ? WHERE id = ? AND refused_at IS NULL')
        .run(app.nowIso(), id);
    else id = insertStock(app, stock.label, stock.psc, operatorId, true);
    app.ledger().append({
      type: 'card.stock',
      payload: { id, label: stock.label, refused: true },
      operatorId,
      audit: {
        action: 'card.stock',
        summary: `空白卡拒绝了卡批次「${stock.label}」的出厂密码：该批次停止发卡，请登记正确的出厂密码`,
      },
    });
  });
}

class StockRefused extends Error {}

/**
 * Runs a write that opens a card with its batch's transport PSC (`stock`; null when the card may already carry
 * its own). `fromStock`: the card still had its transport PSC when read (blank, or cut before its PSC change),
 * so a PSC refusal is the batch's: the batch is marked (no other card tries it) and CARD_TRANSPORT_PSC_WRONG
 * said. Reader failures become the counter's errors (guard).
 */
export async function writeFromStock(
  app: App,
  operatorId: string,
  stock: CardStock | null,
  fromStock: boolean,
  write: () => Promise<void>,
): Promise<void> {
  try {
    await guard(async () => {
      try {
        await write();
      } catch (e) {
        if (stock && fromStock && e instanceof ReaderError && e.code === 'PSC_WRONG')
          throw new StockRefused();
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof StockRefused) || !stock) throw e;
    refuseStock(app, stock, operatorId);
    throw new AppError('CARD_TRANSPORT_PSC_WRONG', { detail: `卡批次「${stock.label}」` });
  }
}

export const cardsAddStock: Handlers['cards.addStock'] = (input, call) => {
  const { app } = call;
  const psc = Uint8Array.from(Buffer.from(input.transportPsc, 'hex'));
  return app.transaction(() => {
    const id = insertStock(app, input.label, psc, operatorOf(call).staffId, false);
    app.ledger().append({
      type: 'card.stock',
      payload: { id, label: input.label, refused: false },
      operatorId: operatorOf(call).staffId,
      audit: { action: 'card.stock', summary: `登记空白卡批次「${input.label}」及其出厂密码` },
    });
    return { id, label: input.label };
  });
};
