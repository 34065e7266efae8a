/**
 * Customers of other halls this counter fetched from head office to serve them (issue #23 item 5): the file,
 * meters, balance and cards are stored like the hall's own (so the sale path is unchanged); this row says whose
 * hall the customer is. Runtime: Node.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

export const visitingCustomers = sqliteTable('visiting_customers', {
  customerId: text('customer_id')
    .primaryKey()
    .references(() => customers.id),
  hallCode: text('hall_code').notNull(),
  hallName: text('hall_name').notNull(),
  /** When head office last gave the file (ISO). */
  fetchedAt: text('fetched_at').notNull(),
});
