/**
 * The head-office console's people: accounts with a role (and, for a hall manager, the halls they see),
 * sessions kept only as a hash of their token, and the audit of every console action. Runtime: Node.
 */
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const consoleUsers = pgTable('console_users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'auditor', 'hall_manager', 'readonly'] }).notNull(),
  /** Hall codes a hall manager sees; empty for the other roles (they see every hall). */
  halls: jsonb('halls').$type<string[]>().notNull().default([]),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: text('created_by').notNull(),
});

export const consoleSessions = pgTable(
  'console_sessions',
  {
    /** sha256 of the session token (the token is only in the browser's cookie). */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => consoleUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('console_sessions_user_idx').on(t.userId)],
);

export const consoleAudit = pgTable(
  'console_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The console user, or 'admin-token' for the administrator's bearer token, or the name tried at login. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    status: integer('status').notNull(),
    detail: jsonb('detail'),
    address: text('address'),
  },
  (t) => [index('console_audit_at_idx').on(t.at)],
);
