/**
 * The second phase of the two-phase card write (reliability.md 2): after the sale is committed as
 * pending_card_write, the configured writer puts it on the card; a second transaction moves the sale to
 * completed or card_write_failed (a writer that throws is a failure), each with its ledger operation. Without
 * a writer, or if this step cannot be recorded, the sale stays pending — an explicit state resolved at the
 * next start or the next read of that card (P3). Runtime: Node.
 */
import { classifyWriteReason, problemCause } from '../../core/card/write-problems';
import type { Sale } from '../../core/contract';
import { resolveCardWrite, writesOfSale } from '../../db';
import type { App } from '../app';
import { recordPscCheck } from '../cards/psc-flag';
import type { CardWriteResult } from './card-write-port';
import type { ReadyCard } from '../cards/customer-card';
import { loadSale } from './sale-view';

export function writeCard(app: App, sale: Sale, operatorId: string, opts: WriteOptions = {}): Promise<Sale> {
  // From the journal entry to its settlement, no other card operation (a read would settle it as not written).
  const station = app.cardStation;
  return station
    ? station.exclusive(() => writeAndRecord(app, sale, operatorId, opts))
    : writeAndRecord(app, sale, operatorId, opts);
}

interface WriteOptions {
  retry?: boolean;
  confirmLastTry?: boolean;
  /** The card as the check before payment read it, in this same turn (services/sales/card-ready.ts). */
  ready?: ReadyCard;
}

async function writeAndRecord(app: App, sale: Sale, operatorId: string, opts: WriteOptions): Promise<Sale> {
  const writer = app.cardWriter;
  const from = opts.retry ? 'card_write_failed' : 'pending_card_write';
  if (!writer || sale.status !== from) return sale;
  let result: CardWriteResult;
  try {
    result = await writer.writePurchase(sale, { confirmLastTry: opts.confirmLastTry, ready: opts.ready });
  } catch (e) {
    result = { ok: false, reason: `写卡出错：${e instanceof Error ? e.message : String(e)}` };
  }
  if (!result.ok && result.uncertain) return loadSale(app, sale.id);
  const status = result.ok ? 'completed' : 'card_write_failed';
  // Whatever the writer said, the record keeps the problem's Chinese cause (core/card/write-problems.ts).
  const problem = result.ok ? null : classifyWriteReason(result.reason);
  const reason = problem ? problemCause(problem) : null;
  // A card that refused its PSC here (after the check before payment passed) is flagged all the same.
  const flagRefusal = () => {
    if (problem?.code !== 'CARD_PSC_WRONG') return;
    const w = writesOfSale(app.gdb.sqlite, sale.id).at(-1);
    if (w)
      recordPscCheck(app, {
        cardNo: w.cardNo,
        customerId: w.customerId,
        outcome: 'refused',
        triesLeft: problem.triesLeft ?? 0,
        operatorId,
        approverId: null,
        saleId: sale.id,
      });
  };
  if (!result.ok && opts.retry) {
    // A retry that failed again: the sale stays failed; only the writer's journal learns it.
    app.transaction(() => {
      writer.settle?.(sale.id, false, reason);
      flagRefusal();
    });
    return loadSale(app, sale.id);
  }
  try {
    app.transaction(() => {
      if (resolveCardWrite(app.gdb.sqlite, sale.id, status, from) === 0) return;
      writer.settle?.(sale.id, result.ok, reason);
      flagRefusal();
      const type = result.ok ? 'sale.cardWritten' : 'sale.cardWriteFailed';
      // The card and purchase count it went onto, so head office can check counts across counters.
      const onCard = result.ok
        ? writesOfSale(app.gdb.sqlite, sale.id).find((w) => w.status === 'confirmed')
        : undefined;
      app.ledger().append({
        type,
        payload: {
          saleId: sale.id,
          receiptNo: sale.receiptNo,
          status,
          reason,
          ...(onCard ? { cardNo: onCard.cardNo, purchaseCount: onCard.count } : {}),
        },
        operatorId,
        audit: {
          action: type,
          summary: result.ok
            ? `写卡成功：收据 ${sale.receiptNo}`
            : `写卡失败：收据 ${sale.receiptNo}，${reason}款项待退款或重新写卡`,
          reason,
        },
      });
    });
  } catch {
    // The sale stays pending_card_write: paid, recorded and flagged, never lost (resolved at the next start).
  }
  return loadSale(app, sale.id);
}
