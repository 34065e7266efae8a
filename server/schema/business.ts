/**
 * Head office's view of the business, applied from the counters' operations in the transaction that stores
 * them: customers (the merged file), cards and purchase counts, sales with lines and tenders, shifts and meter
 * readings. Runtime: Node.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull(),
    accountNo: text('account_no').notNull(),
    /** The customer as the contract describes it (core/contract customerSchema), merged. */
    data: jsonb('data').notNull(),
    /** Per field: { hlc, counterId, cursor } of the change head office holds. */
    fieldMeta: jsonb('field_meta').notNull(),
    updatedHlc: text('updated_hlc').notNull(),
    originCounterId: text('origin_counter_id').notNull(),
    /** 结余 as head office computes it from the sales (fen). */
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    /** Per counter id: the part of `balance` that counter's sales made (fen); counters subtract their own. */
    balanceBy: jsonb('balance_by').notNull().default({}),
    /**
     * Per counter id (or 'import'), per business day: the net gas the customer's sales of that counter made
     * that day (0.01 m³; a correction on its original's day), so every counter prices a purchase from the
     * household's whole use in the pricing year, not only from its own sales (docs/pricing.md).
     */
    gasUseBy: jsonb('gas_use_by').notNull().default({}),
    purchaseCount: integer('purchase_count').notNull().default(0),
  },
  (t) => [
    index('customers_hall_account_idx').on(t.hallId, t.accountNo),
    /** An import finds the customer an old system's account number names, whatever its hall. */
    index('customers_account_idx').on(t.accountNo),
  ],
);

export const cards = pgTable(
  'cards',
  {
    cardNo: text('card_no').primaryKey(),
    id: text('id').notNull(),
    hallId: text('hall_id').notNull(),
    customerId: text('customer_id').notNull(),
    formatId: text('format_id').notNull(),
    region: integer('region').notNull(),
    status: text('status', { enum: ['active', 'lost', 'replaced'] }).notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    counterId: text('counter_id').notNull(),
    blockedAt: text('blocked_at'),
    blockedReason: text('blocked_reason'),
  },
  (t) => [index('cards_customer_idx').on(t.customerId)],
);

/** One row per (account, purchase count): two counters claiming the same count is a conflict. */
export const purchaseCounts = pgTable(
  'purchase_counts',
  {
    customerId: text('customer_id').notNull(),
    count: integer('count').notNull(),
    cardNo: text('card_no').notNull(),
    counterId: text('counter_id').notNull(),
    opId: text('op_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.count] })],
);

export const sales = pgTable(
  'sales',
  {
    id: text('id').primaryKey(),
    counterId: text('counter_id').notNull(),
    opSeq: bigint('op_seq', { mode: 'number' }).notNull(),
    receiptNo: text('receipt_no').notNull(),
    invoiceNo: text('invoice_no'),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    customerId: text('customer_id'),
    userClass: text('user_class'),
    shiftId: text('shift_id').notNull(),
    businessDate: text('business_date').notNull(),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    volume: bigint('volume', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    balanceUsed: bigint('balance_used', { mode: 'number' }).notNull(),
    balanceAdded: bigint('balance_added', { mode: 'number' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'number' }).notNull(),
    priceVersionId: text('price_version_id'),
    correctsSaleId: text('corrects_sale_id'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('sales_counter_date_idx').on(t.counterId, t.businessDate),
    index('sales_corrects_idx').on(t.correctsSaleId),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    saleId: text('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    kind: text('kind').notNull(),
    tier: integer('tier'),
    feeItemId: text('fee_item_id'),
    name: text('name').notNull(),
    volume: bigint('volume', { mode: 'number' }),
    priceLi: bigint('price_li', { mode: 'number' }),
    qty: integer('qty'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] })],
);

export const saleTenders = pgTable(
  'sale_tenders',
  {
    saleId: text('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    method: text('method').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    received: bigint('received', { mode: 'number' }),
    change: bigint('change', { mode: 'number' }).notNull(),
    reference: text('reference'),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] })],
);

export const shifts = pgTable('shifts', {
  id: text('id').primaryKey(),
  counterId: text('counter_id').notNull(),
  operatorId: text('operator_id').notNull(),
  businessDate: text('business_date').notNull(),
  openedAt: text('opened_at').notNull(),
  float: bigint('float', { mode: 'number' }).notNull(),
  status: text('status').notNull(),
  closedAt: text('closed_at'),
  counted: bigint('counted', { mode: 'number' }),
  expected: bigint('expected', { mode: 'number' }),
  difference: bigint('difference', { mode: 'number' }),
  note: text('note'),
});

export const meterReadings = pgTable(
  'meter_readings',
  {
    id: text('id').primaryKey(),
    counterId: text('counter_id').notNull(),
    customerId: text('customer_id').notNull(),
    cardNo: text('card_no').notNull(),
    meterNo: text('meter_no').notNull(),
    loadedCount: integer('loaded_count').notNull(),
    remaining: bigint('remaining', { mode: 'number' }).notNull(),
    cumulativeUsed: bigint('cumulative_used', { mode: 'number' }).notNull(),
    status: jsonb('status').notNull(),
    readAt: bigint('read_at', { mode: 'number' }).notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  // 燃气用量分析 reads a year of reads up to a month's end (server/usage/run.ts).
  (t) => [index('meter_readings_read_at_idx').on(t.readAt)],
);
