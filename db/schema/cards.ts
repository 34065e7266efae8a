/**
 * IC gas cards, the card-write journal (the two-phase write of reliability.md 2), meter readings brought back
 * on cards, conflicts seen on cards, and sealed secrets (the card master key). Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    cardNo: text('card_no').notNull(),
    customerId: text('customer_id').notNull(),
    formatId: text('format_id').notNull(),
    region: integer('region').notNull(),
    /** active; lost (挂失, blocked everywhere); replaced (a new card took over). */
    status: text('status', { enum: ['active', 'lost', 'replaced'] }).notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    replacesCardId: text('replaces_card_id'),
    blockedAt: text('blocked_at'),
    blockedReason: text('blocked_reason'),
  },
  (t) => [uniqueIndex('cards_card_no_uq').on(t.cardNo), index('cards_customer_idx').on(t.customerId)],
);

/** The purchase count of each account, across its cards: only ever goes up. */
export const accountCounts = sqliteTable('account_counts', {
  customerId: text('customer_id').primaryKey(),
  /** The highest purchase count handed out for this account (written or being written). */
  lastCount: integer('last_count').notNull(),
  /** Cumulative gas put on the account's cards (volume units), for the card record. */
  cumulative: integer('cumulative').notNull(),
});

export const cardWrites = sqliteTable(
  'card_writes',
  {
    id: text('id').primaryKey(),
    cardNo: text('card_no').notNull(),
    customerId: text('customer_id').notNull(),
    saleId: text('sale_id'),
    /** purchase: a paid sale; repeat: 补卡/补气 writes a purchase again; carry: 换表; clear: before a reversal. */
    kind: text('kind', { enum: ['purchase', 'repeat', 'carry', 'clear'] }).notNull(),
    count: integer('count').notNull(),
    volume: integer('volume').notNull(),
    cumulative: integer('cumulative').notNull(),
    status: text('status', { enum: ['pending', 'confirmed', 'failed'] }).notNull(),
    reason: text('reason'),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    /** What to do once the write is confirmed (e.g. the reversal a clear prepares), as JSON. */
    followUp: text('follow_up'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('card_writes_card_status_idx').on(t.cardNo, t.status),
    index('card_writes_sale_idx').on(t.saleId),
    index('card_writes_customer_status_idx').on(t.customerId, t.status),
  ],
);

export const meterReadings = sqliteTable(
  'meter_readings',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    cardNo: text('card_no').notNull(),
    meterNo: text('meter_no').notNull(),
    loadedCount: integer('loaded_count').notNull(),
    remaining: integer('remaining').notNull(),
    cumulativeUsed: integer('cumulative_used').notNull(),
    /** JSON: { lowBattery, valveClosed, tamper, leakAlarm } */
    status: text('status').notNull(),
    readAt: integer('read_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('meter_readings_uq').on(t.cardNo, t.readAt, t.meterNo),
    index('meter_readings_customer_idx').on(t.customerId),
  ],
);

export const cardConflicts = sqliteTable('card_conflicts', {
  id: text('id').primaryKey(),
  cardNo: text('card_no').notNull(),
  customerId: text('customer_id'),
  cardCount: integer('card_count').notNull(),
  knownCount: integer('known_count').notNull(),
  detail: text('detail').notNull(),
  detectedAt: text('detected_at').notNull(),
});

export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  /** base64 of the sealed value (the sealing is the key protector's: AES-256-GCM or the OS keychain). */
  sealed: text('sealed').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Blank card stock (卡批次): the transport PSC its maker set on every card of the batch (FF FF FF on most).
 * Issuing verifies it once per card; a batch whose PSC a card refused is marked, so the next 发卡 from it asks
 * for the right one instead of burning a try on every card.
 */
export const cardStocks = sqliteTable('card_stocks', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  /** 6 hex digits. */
  transportPsc: text('transport_psc').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  /** When a card of this stock refused its transport PSC (the batch's PSC is wrong); null while none did. */
  refusedAt: text('refused_at'),
});
