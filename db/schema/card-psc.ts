/**
 * The PSC checks the counter made on a card before writing it, as far as they matter later: a refusal (the
 * card did not accept its PSC — the card is flagged, and the program does not try it again without a 班长's
 * approval) and the approved attempt that cleared it. Append-only. Runtime: Node.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const cardPscChecks = sqliteTable(
  'card_psc_checks',
  {
    id: text('id').primaryKey(),
    cardNo: text('card_no').notNull(),
    customerId: text('customer_id'),
    /** refused: the card refused the PSC (flagged); accepted: an approved attempt passed (the flag is lifted). */
    outcome: text('outcome', { enum: ['refused', 'accepted'] }).notNull(),
    triesLeft: integer('tries_left').notNull(),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    /** The sale the attempt was for (null for a 重新写卡 whose sale is named in the audit). */
    saleId: text('sale_id'),
    at: text('at').notNull(),
  },
  (t) => [index('card_psc_checks_card_idx').on(t.cardNo, t.at)],
);
