/**
 * Receipt numbers (gap-free per counter: `${hallCode}${counterCode}-${8-digit sequence}`) and invoice numbers
 * (from the operator's own range first, else the workstation's). Both are taken inside the sale's
 * transaction, so a refused sale leaves no gap. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { advanceInvoiceRange, takeNumber, usableInvoiceRange } from '../../db';
import type { App } from '../app';

const prefixes = new WeakMap<App, string>();

export function nextReceiptNo(app: App): string {
  let prefix = prefixes.get(app);
  if (prefix === undefined) {
    const c = app.counter();
    if (!c) throw new Error('receipt number requested before the counter was set up');
    prefix = `${c.hallCode}${c.counterCode}`;
    prefixes.set(app, prefix);
  }
  return `${prefix}-${String(takeNumber(app.gdb.sqlite, 'receipt')).padStart(8, '0')}`;
}

export function nextInvoiceNo(app: App, operatorId: string): string {
  const r = usableInvoiceRange(app.gdb.sqlite, operatorId);
  if (!r) throw new AppError('INVOICE_NUMBERS_EXHAUSTED');
  advanceInvoiceRange(app.gdb.sqlite, r.id);
  return `${r.prefix}${String(r.next).padStart(r.width, '0')}`;
}
