/** Every receipt or report sent to a printer, first print or reprint (重打), and how it went. Runtime: Node. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const receiptPrints = sqliteTable(
  'receipt_prints',
  {
    id: text('id').primaryKey(),
    /** sale: a receipt; slip: a gas sale's 待写卡 slip (its receipt prints once the card is written). */
    docKind: text('doc_kind', { enum: ['sale', 'slip', 'shift', 'day', 'test'] }).notNull(),
    docId: text('doc_id').notNull(),
    /** The business day the print happened on (reprints are counted per day). */
    businessDate: text('business_date').notNull(),
    reprint: integer('reprint', { mode: 'boolean' }).notNull(),
    /** 1 for the first print, 2 for the first reprint … */
    copyNo: integer('copy_no').notNull(),
    operatorId: text('operator_id').notNull(),
    outcome: text('outcome', { enum: ['printed', 'failed'] }).notNull(),
    problem: text('problem'),
    printedAt: text('printed_at').notNull(),
  },
  (t) => [
    index('receipt_prints_doc_idx').on(t.docKind, t.docId),
    index('receipt_prints_date_idx').on(t.businessDate),
  ],
);
