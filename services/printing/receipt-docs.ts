/**
 * Business records → receipt documents (core/receipts): a sale with everything its receipt shows (card and
 * purchase count, this period's tier use, the signed QR), a shift handover report, a day report.
 * Runtime: Node.
 */
import { wallTimeIn } from '../../core/business-day';
import type { Sale } from '../../core/contract';
import { addressParts, USER_CLASS_ZH } from '../../core/domain/customer';
import { tierBounds, tierRemaining } from '../../core/pricing';
import type { ReceiptDoc } from '../../core/receipts/document';
import type { ReceiptHeader, TierUse } from '../../core/receipts/receipt-data';
import { saleReceipt } from '../../core/receipts/sale-receipt';
import { findCustomer, findPriceVersion, parseTiers } from '../../db';
import type { App } from '../app';
import { publicityOf } from '../service-desk/publicity';
import { loadSale } from '../sales/sale-view';
import type { PrinterSettings } from '../../core/contract';
import { receiptQr } from './receipt-signing';

export function header(app: App, s: PrinterSettings): ReceiptHeader {
  const c = app.counter()!;
  const p = publicityOf(app);
  return {
    company: s.company,
    hall: c.hallName,
    counter: c.counterName,
    ...(p.hotline || p.notice ? { publicity: p } : {}),
  };
}

/** '2026-11-26 14:03:07': a printed time, in the counter's business-day zone (not the process's own). */
export const localTime = (app: App, ms: number) => wallTimeIn(app.timeZone(), ms);

function tierUse(app: App, sale: Sale): TierUse | undefined {
  if (sale.kind !== 'gas' || !sale.priceVersionId || sale.usedBefore === null || !sale.customer)
    return undefined;
  const version = findPriceVersion(app.db, sale.priceVersionId);
  const customer = findCustomer(app.db, sale.customer.id);
  if (!version || !customer) return undefined;
  const tiers = parseTiers(version.tiers);
  const schedule = { tiers, baseHouseholdSize: version.baseHouseholdSize };
  const bounds = tierBounds(schedule, customer.householdSize);
  const usedAfter = sale.usedBefore + sale.volume;
  const left = tierRemaining(schedule, customer.householdSize, usedAfter);
  return {
    periodStart: sale.periodStart ?? '',
    usedBefore: sale.usedBefore,
    usedAfter,
    tiers: tiers.map((t, i) => ({
      tier: i + 1,
      upTo: Number.isFinite(bounds[i]) ? bounds[i]! : null,
      priceLi: t.priceLi,
      remainingAfter: left[i] ?? null,
    })),
  };
}

/** The customer's address in its parts (the receipt breaks lines only between them). */
function addressOf(app: App, sale: Sale): string[] | undefined {
  const c = sale.customer ? findCustomer(app.db, sale.customer.id) : undefined;
  return c ? addressParts(c) : undefined;
}

/** The sale a reversal or refund corrects: its receipt number is the 原收据号 on the paper. */
function correctedSale(app: App, id: string): { receiptNo: string; kind: Sale['kind'] } {
  const o = loadSale(app, id);
  return { receiptNo: o.receiptNo, kind: o.kind };
}

/**
 * A gas sale whose gas is not on the card, at a counter that writes cards: its paper is the 待写卡 slip. (A
 * counter without a reader prints the receipt, which says the gas is not on a card.) A sale refunded since
 * prints its receipt marked 已退款: a slip would still say to write the card or refund it.
 */
export function isCardWriteSlip(app: App, sale: Pick<Sale, 'kind' | 'status' | 'correctedBy'>): boolean {
  return (
    sale.kind === 'gas' &&
    sale.status !== 'completed' &&
    sale.correctedBy.length === 0 &&
    app.cardWriter !== undefined
  );
}

export function saleDoc(
  app: App,
  saleId: string,
  s: PrinterSettings,
  reprint?: { number: number; at: string },
  /** The cash drawer opens with a sale's first paper (receipt or 待写卡 slip) only. */
  firstPaper = !reprint,
): { doc: ReceiptDoc; sale: Sale } {
  const sale = loadSale(app, saleId);
  const doc = saleReceipt(
    {
      header: header(app, s),
      sale,
      cashierName: sale.operator.displayName,
      userClassZh: sale.customer ? USER_CLASS_ZH[sale.customer.userClass] : '—',
      addressParts: addressOf(app, sale),
      corrects: sale.correctsSaleId ? correctedSale(app, sale.correctsSaleId) : undefined,
      card: sale.card ?? undefined,
      tierUse: tierUse(app, sale),
      qr: receiptQr(app, sale, s.verifyUrl),
      reprint,
      slip: isCardWriteSlip(app, sale),
      printedAt: localTime(app, Date.parse(sale.createdAt)),
    },
    s.width === 58 ? 32 : 48,
  );
  // The cash drawer opens only when cash changed hands, and only on the first print.
  const cash = sale.tenders.some((t) => t.method === 'cash' && t.amount !== 0);
  if (cash && !reprint && firstPaper) doc.blocks.splice(doc.blocks.length - 1, 0, { t: 'drawer' });
  return { doc, sale };
}
