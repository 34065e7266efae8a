/** This counter's identity and settings. Runtime: Node. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const counterInfo = sqliteTable('counter_info', {
  /** Always 1: one counter per database. */
  id: integer('id').primaryKey(),
  counterId: text('counter_id').notNull(),
  hallCode: text('hall_code').notNull(),
  hallName: text('hall_name').notNull(),
  counterCode: text('counter_code').notNull(),
  counterName: text('counter_name').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  /**
   * The IANA zone of the business day (core/business-day.ts): given at setup, replaced by the hall's zone head
   * office answers at enrollment.
   */
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  createdAt: text('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
