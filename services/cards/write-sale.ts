/**
 * 写卡 / 重新写卡: puts a paid gas sale that is still waiting (待写卡) — or whose write failed and was not
 * refunded — on the customer's card in the reader. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { correctionsOf, findSale } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { cardReadyForSale } from '../sales/card-ready';
import { writeCard } from '../sales/card-write';
import { loadSale } from '../sales/sale-view';

export const cardsWriteSale: Handlers['cards.writeSale'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const row = findSale(app.gdb.sqlite, input.saleId);
  if (row?.kind !== 'gas') throw new AppError('NOT_FOUND');
  if (row.status === 'completed') return loadSale(app, row.id);
  if (correctionsOf(app.gdb.sqlite, row.id).length > 0)
    throw new AppError('ALREADY_REVERSED', { detail: '已退款或冲正的购气不能再写卡' });
  if (!app.cardWriter) throw new AppError('READER_NOT_CONFIGURED');
  // The check reads the card — which settles what it holds: the sale may be completed or failed by it — and
  // knows its PSC state: the last try only when the clerk confirmed it, a flagged card only with a 班长's
  // approval (services/sales/card-ready.ts).
  // In the same turn of the reader (the card handlers take it), the write uses that read and that PSC check.
  const ready = await cardReadyForSale(app, loadSale(app, row.id).customer!.id, operatorId, {
    confirmLastTry: input.confirmLastTry,
    approval: input.approval,
    saleId: row.id,
  });
  const sale = loadSale(app, row.id);
  if (sale.status === 'completed') return sale;
  return writeCard(app, sale, operatorId, {
    retry: sale.status === 'card_write_failed',
    confirmLastTry: input.confirmLastTry,
    ready,
  });
};
