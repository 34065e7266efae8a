/**
 * Sales, fee payments and their corrections, with tier slices / fee lines and tenders. Append-only except
 * the card-write status of a gas sale (pending → completed or failed), which the two-phase card write moves
 * forward. Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { USER_CLASSES } from '../../core/domain/customer';

export const sales = sqliteTable(
  'sales',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    receiptNo: text('receipt_no').notNull(),
    invoiceNo: text('invoice_no'),
    kind: text('kind', { enum: ['gas', 'fee', 'reversal', 'refund'] }).notNull(),
    status: text('status', { enum: ['pending_card_write', 'completed', 'card_write_failed'] }).notNull(),
    customerId: text('customer_id'),
    userClass: text('user_class', { enum: USER_CLASSES }),
    shiftId: text('shift_id').notNull(),
    businessDate: text('business_date').notNull(),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    /** Gas volume (units): positive for a sale, negative for a reversal. */
    volume: integer('volume').notNull(),
    amount: integer('amount').notNull(),
    balanceUsed: integer('balance_used').notNull(),
    balanceAdded: integer('balance_added').notNull(),
    /** Money in (positive) or out (negative, for reversals and refunds). */
    amountPaid: integer('amount_paid').notNull(),
    priceVersionId: text('price_version_id'),
    periodStart: text('period_start'),
    usedBefore: integer('used_before'),
    correctsSaleId: text('corrects_sale_id'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sales_receipt_no_uq').on(t.receiptNo),
    uniqueIndex('sales_invoice_no_uq').on(t.invoiceNo),
    index('sales_customer_date_idx').on(t.customerId, t.businessDate),
    index('sales_shift_idx').on(t.shiftId),
    index('sales_date_idx').on(t.businessDate),
    index('sales_corrects_idx').on(t.correctsSaleId),
  ],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    kind: text('kind', { enum: ['gas', 'fee'] }).notNull(),
    tier: integer('tier'),
    feeItemId: text('fee_item_id'),
    name: text('name').notNull(),
    volume: integer('volume'),
    priceLi: integer('price_li'),
    qty: integer('qty'),
    amount: integer('amount').notNull(),
  },
  (t) => [uniqueIndex('sale_lines_pk').on(t.saleId, t.lineNo)],
);

export const tenders = sqliteTable(
  'tenders',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    method: text('method', { enum: ['cash', 'bank_card', 'wechat', 'alipay'] }).notNull(),
    /** Applied to the amount due; negative when money is paid back. */
    amount: integer('amount').notNull(),
    received: integer('received'),
    change: integer('change').notNull(),
    reference: text('reference'),
  },
  (t) => [uniqueIndex('tenders_pk').on(t.saleId, t.lineNo)],
);

/** The customer's balance (结余), kept in step with the sales that add to or use it. */
export const customerBalances = sqliteTable('customer_balances', {
  customerId: text('customer_id').primaryKey(),
  balance: integer('balance').notNull(),
});

/**
 * The household's gas use that other counters' sales (and an imported 本年度阶梯用量) made, per business day, as
 * head office last published it (core/sync/gas-use.ts othersGasUse): JSON {"YYYY-MM-DD": 0.01 m³}. A quote adds
 * it to this counter's own sales, so the tiers count the household's whole pricing year.
 */
export const customerPeerUse = sqliteTable('customer_peer_use', {
  customerId: text('customer_id').primaryKey(),
  byDay: text('by_day').notNull(),
});

/** Gap-free number series (receipts) and registered invoice ranges (发票号段) per operator or workstation. */
export const numberSeries = sqliteTable('number_series', {
  name: text('name').primaryKey(),
  next: integer('next').notNull(),
});

export const invoiceRanges = sqliteTable('invoice_ranges', {
  id: text('id').primaryKey(),
  /** null: the workstation's range, for any operator. */
  operatorId: text('operator_id'),
  prefix: text('prefix').notNull(),
  first: integer('first').notNull(),
  last: integer('last').notNull(),
  next: integer('next').notNull(),
  width: integer('width').notNull(),
  createdAt: text('created_at').notNull(),
});
