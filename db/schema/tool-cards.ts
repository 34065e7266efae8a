/**
 * Tool cards (设置卡, 清零卡, 检查卡, 换表卡) a 班长 made at this counter: the card's number, its kind, the card
 * format that made it, who made it and when. Append-only: a tool card is never re-recorded or deleted.
 * Runtime: Node.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const toolCards = sqliteTable('tool_cards', {
  id: text('id').primaryKey(),
  cardNo: text('card_no').notNull().unique(),
  kind: text('kind', { enum: ['setup', 'clear', 'check', 'meter_change'] }).notNull(),
  formatId: text('format_id').notNull(),
  region: integer('region').notNull(),
  madeBy: text('made_by').notNull(),
  madeAt: text('made_at').notNull(),
});
