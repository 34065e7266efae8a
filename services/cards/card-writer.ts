/**
 * The card-write port of the sales (services/sales/card-write-port.ts) on the counter's reader: a paid gas
 * sale is put on the customer's card through the journal — pending, written (primary then backup, each read
 * back), confirmed — and when the write fails, the card is read again to tell "not written" from "written"
 * and "cannot tell" (the card left the reader), which stays pending until the card is read again. The card is
 * read once per write (only the bytes the format uses); the purchase count and cumulative are the ones after
 * the last confirmed write, so a retry after a failure gets the same ones. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { ReaderError } from '../../drivers/card-reader/reader';
import type { CardInReader } from './card-station';
import {
  type CardWriteRow,
  insertCardWrite,
  nextCount,
  settleCardWrite,
  spendCount,
  writesOfSale,
} from '../../db';
import type { App } from '../app';
import type { CardWritePort, CardWriteResult } from '../sales/card-write-port';
import { customerCardInReader, type ReadyCard, stationOf } from './customer-card';
import { resolveFromCard, settleWrite } from './journal';
import { failpoint, SimulatedCrash } from '../../drivers/failpoint';

/** Writes a prepared journal entry to the card; settles it when the outcome is certain. */
export async function writeJournalled(
  app: App,
  w: { id: string; cardNo: string; customerId: string; count: number; volume: number; cumulative: number },
  ready: { inReader: Pick<CardInReader, 'format' | 'reader' | 'image'> },
  opts: { confirmLastTry?: boolean; pscVerified?: boolean; settle: boolean; operatorId: string },
): Promise<CardWriteResult> {
  const station = stationOf(app);
  const { format, reader } = ready.inReader;
  const purchase = {
    count: w.count,
    volume: w.volume,
    cumulative: w.cumulative,
    writtenAt: Math.floor(app.clock.nowMs() / 1000),
    counterCode: counterCode(app),
  };
  try {
    await format.writePurchase(reader, w.cardNo, purchase, station.keys, {
      allowLastTry: opts.confirmLastTry,
      image: ready.inReader.image,
      pscVerified: opts.pscVerified,
    });
    return { ok: true };
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e;
    if (e instanceof ReaderError && e.code === 'LAST_TRY_NEEDS_CONFIRMATION')
      return { ok: false, reason: '卡密码只剩最后一次机会，未写卡' };
    // What does the card hold now? Read it back; if it is gone, nobody can tell until it is read again.
    const again = await station.readCard().catch(() => null);
    if (
      !again ||
      again.record.state === 'blank' ||
      again.record.state === 'foreign' ||
      again.record.state === 'damaged' ||
      (again.record.state === 'ok' && again.record.header.cardNo !== w.cardNo)
    )
      return { ok: false, reason: '写卡时卡被拔出，结果待重新读卡确认', uncertain: true };
    const holds = again.record.state === 'ok' ? again.record.purchase : null;
    if (opts.settle)
      app.transaction(() => resolveFromCard(app, w.cardNo, w.customerId, holds, opts.operatorId));
    const written =
      holds?.count === w.count && holds.volume === w.volume && holds.cumulative === w.cumulative;
    return written
      ? { ok: true }
      : { ok: false, reason: `写卡失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Writes a journalled entry outside a sale and settles it; throws when the card does not hold it. */
export async function writeAndSettle(
  app: App,
  w: CardWriteRow,
  ready: { inReader: Pick<CardInReader, 'format' | 'reader' | 'image'> },
  opts: { confirmLastTry?: boolean; operatorId: string },
): Promise<void> {
  const r = await writeJournalled(app, w, ready, { ...opts, settle: true });
  if (!r.ok && r.uncertain) throw new AppError('CARD_WRITE_UNCERTAIN');
  app.transaction(() =>
    settleWrite(app, w, r.ok ? 'confirmed' : 'failed', r.ok ? null : r.reason, opts.operatorId),
  );
  if (!r.ok)
    throw new AppError(r.reason.includes('最后一次') ? 'CARD_LAST_TRY' : 'CARD_WRITE_FAILED', {
      detail: r.reason,
    });
}

export function counterCode(app: App): string {
  const c = app.counter()!;
  return `${c.hallCode}${c.counterCode}`.slice(-6);
}

export function cardWritePort(app: App): CardWritePort {
  return {
    async precheck(customerId, operatorId) {
      await stationOf(app).exclusive(() => customerCardInReader(app, customerId, operatorId));
    },

    async writePurchase(sale, writeOpts = {}): Promise<CardWriteResult> {
      const operatorId = sale.operator.id;
      // The sale's check before payment read the card and had its PSC accepted in this turn: one read, one
      // presentation per sale. Otherwise (a write resumed on its own) the card is read here.
      let ready: ReadyCard;
      try {
        ready =
          writeOpts.ready ??
          (await customerCardInReader(app, sale.customer!.id, operatorId, { triesLeft: false }));
      } catch (e) {
        return { ok: false, reason: e instanceof AppError ? e.toBody().message : String(e) };
      }
      const id = app.newId();
      const w = app.transaction(() => {
        const n = nextCount(app.gdb.sqlite, sale.customer!.id, sale.volume);
        const row = {
          id,
          cardNo: ready.card.cardNo,
          customerId: sale.customer!.id,
          saleId: sale.id,
          kind: 'purchase' as const,
          count: n.lastCount,
          volume: sale.volume,
          cumulative: n.cumulative,
          status: 'pending' as const,
          reason: null,
          operatorId,
          approverId: null,
          followUp: null,
          createdAt: app.nowIso(),
        };
        insertCardWrite(app.gdb.sqlite, row);
        return row;
      });
      failpoint('card:journalled');
      const r = await writeJournalled(app, w, ready, {
        settle: false,
        operatorId,
        confirmLastTry: writeOpts.confirmLastTry,
        pscVerified: writeOpts.ready !== undefined,
      });
      failpoint('card:written');
      return r;
    },

    // The sale itself is moved (and its ledger op written) by the sales side, in this same transaction; a
    // confirmed write spends its count and cumulative here.
    settle(saleId, ok, reason) {
      for (const w of writesOfSale(app.gdb.sqlite, saleId))
        if (
          w.status === 'pending' &&
          settleCardWrite(app.gdb.sqlite, w.id, ok ? 'confirmed' : 'failed', app.nowIso(), reason) &&
          ok
        )
          spendCount(app.gdb.sqlite, w.customerId, w.count, w.cumulative);
    },
  };
}
