/**
 * 发票号段: invoice number ranges registered for one operator or, with no operator, for the workstation.
 * Ranges with the same prefix may not overlap. Runtime: Node.
 */
import type { z } from 'zod';
import type { invoiceRangeSchema, OpParsedInput } from '../../core/contract';
import { AppError } from '../../core/errors';
import {
  findInvoiceRange,
  findStaffById,
  type InvoiceRangeRow,
  insertInvoiceRange,
  listInvoiceRanges,
  overlappingInvoiceRange,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';

type InvoiceRange = z.infer<typeof invoiceRangeSchema>;

export function toInvoiceRange(r: InvoiceRangeRow): InvoiceRange {
  return {
    id: r.id,
    operatorId: r.operatorId,
    prefix: r.prefix,
    first: r.first,
    last: r.last,
    next: r.next,
    width: r.width,
    remaining: Math.max(0, r.last - r.next + 1),
  };
}

/** Registers a range inside the caller's transaction, with its ledger operation. */
export function recordInvoiceRange(
  app: App,
  operatorId: string,
  input: OpParsedInput<'invoices.addRange'>,
): InvoiceRangeRow {
  const holder = input.operatorId ? findStaffById(app.db, input.operatorId) : undefined;
  if (input.operatorId && !holder) throw new AppError('NOT_FOUND', { detail: `staff ${input.operatorId}` });
  const clash = overlappingInvoiceRange(app.gdb.sqlite, input.prefix, input.first, input.last);
  if (clash)
    throw new AppError('INVOICE_RANGE_OVERLAP', {
      detail: `${clash.prefix}${clash.first}–${clash.prefix}${clash.last}`,
    });
  const row: InvoiceRangeRow = {
    id: app.newId(),
    operatorId: input.operatorId ?? null,
    prefix: input.prefix,
    first: input.first,
    last: input.last,
    next: input.first,
    width: input.width,
    createdAt: app.nowIso(),
  };
  insertInvoiceRange(app.gdb.sqlite, row);
  const pad = (n: number) => `${row.prefix}${String(n).padStart(row.width, '0')}`;
  app.ledger().append({
    type: 'invoice.rangeAdded',
    payload: toInvoiceRange(row),
    operatorId,
    audit: {
      action: 'invoice.rangeAdded',
      summary: `登记发票号段 ${pad(row.first)}–${pad(row.last)}（${holder ? holder.displayName : '本柜台公用'}）`,
    },
  });
  return row;
}

export const invoicesAddRange: Handlers['invoices.addRange'] = (input, call) => {
  const { app } = call;
  const row = app.transaction(() => recordInvoiceRange(app, operatorOf(call).staffId, input));
  return toInvoiceRange(findInvoiceRange(app.gdb.sqlite, row.id)!);
};

export const invoicesList: Handlers['invoices.list'] = (_input, { app }) => ({
  items: listInvoiceRanges(app.gdb.sqlite).map(toInvoiceRange),
});
