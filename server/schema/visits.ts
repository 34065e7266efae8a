/**
 * Any hall serves any customer (issue #23 item 5): the company's setting of what a counter pulls (its own
 * hall's customers, or the whole company's), and the customers of other halls head office gave a counter on
 * demand (POST /v1/customers/fetch): the sales and card purchase writes a counter authors for such a customer
 * are believed (server/push/world.ts servedCustomer). Runtime: Node.
 */
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** One row (id 'company'): the company's own settings. No row: the defaults. */
export const companySettings = pgTable('company_settings', {
  id: text('id').primaryKey(),
  /** 'hall': a counter pulls its own hall's customers; 'company': every hall's. */
  pullScope: text('pull_scope', { enum: ['hall', 'company'] })
    .notNull()
    .default('hall'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A customer of another hall whose file and cards head office published to a counter. */
export const customerVisits = pgTable(
  'customer_visits',
  {
    counterId: text('counter_id').notNull(),
    customerId: text('customer_id').notNull(),
    /** The customer's own hall when it was given. */
    hallId: text('hall_id').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.counterId, t.customerId] }),
    index('customer_visits_customer_idx').on(t.customerId),
  ],
);
