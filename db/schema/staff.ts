/** Staff accounts. Runtime: Node. */
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../core/domain/roles';

export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Every role the person holds, a JSON array in ROLES order (core/domain/roles.ts). */
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_username_uq').on(sql`lower(${t.username})`)],
);
