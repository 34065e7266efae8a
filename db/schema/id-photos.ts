/**
 * Resident-ID card photos kept with a customer's file — only when the company enables it (setting
 * `idcardStorePhoto`, off by default), taken at 开户 from the card just read. Kept at this counter only: not in
 * the ledger's payloads, so never sent to head office. Runtime: Node.
 */
import { blob, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

export const customerIdPhotos = sqliteTable('customer_id_photos', {
  customerId: text('customer_id')
    .primaryKey()
    .references(() => customers.id),
  /** The card's photo as the reader's SDK gave it (a BMP). */
  photo: blob('photo', { mode: 'buffer' }).notNull(),
  mime: text('mime').notNull(),
  takenAt: text('taken_at').notNull(),
  operatorId: text('operator_id').notNull(),
});
