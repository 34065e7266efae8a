/** Price versions, purchase limits and the fee catalogue. Runtime: Node. */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const USER_CLASS = ['residential', 'public_welfare', 'commercial', 'industrial'] as const;

/** Effective-dated and append-only: a price change is a new version, never an edit. */
export const priceVersions = sqliteTable(
  'price_versions',
  {
    id: text('id').primaryKey(),
    userClass: text('user_class', { enum: USER_CLASS }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    baseHouseholdSize: integer('base_household_size').notNull(),
    periodStart: text('period_start').notNull(),
    /** JSON: [{ width, priceLi, extraPerPerson }] */
    tiers: text('tiers').notNull(),
    note: text('note').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    approvedBy: text('approved_by'),
  },
  (t) => [uniqueIndex('price_versions_class_from_uq').on(t.userClass, t.effectiveFrom)],
);

export const purchaseLimits = sqliteTable('purchase_limits', {
  userClass: text('user_class', { enum: USER_CLASS }).primaryKey(),
  perPurchase: integer('per_purchase'),
  perMonth: integer('per_month'),
  perYear: integer('per_year'),
});

export const feeItems = sqliteTable('fee_items', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  amountFen: integer('amount_fen').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
