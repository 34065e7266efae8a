/**
 * Head office's organisation: halls, counters (enrollment slots bound to a device key), one-time enrollment
 * codes, replay nonces, the admin token, and what each counter knew of the change feed. Runtime: Node.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const halls = pgTable('halls', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** The IANA zone of the hall's business day (core/business-day.ts): its digests' days, its counters' dates. */
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const counters = pgTable(
  'counters',
  {
    /** Head office's slot id, created by an administrator before the device exists. */
    slotId: text('slot_id').primaryKey(),
    hallId: text('hall_id')
      .notNull()
      .references(() => halls.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    state: text('state', { enum: ['awaiting_enrollment', 'active', 'revoked'] }).notNull(),
    /** The counter's own id (the counter_id of its ledger), bound once at enrollment. */
    counterId: text('counter_id').unique(),
    /** Ed25519 public key, SPKI DER, base64. */
    publicKey: text('public_key'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** The last stored operation: the chain continues from here. */
    headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
    headHash: text('head_hash').notNull().default(sql`repeat('0', 64)`),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    clockSkewMs: bigint('clock_skew_ms', { mode: 'number' }),
    alert: text('alert'),
  },
  (t) => [uniqueIndex('counters_hall_code_uq').on(t.hallId, t.code)],
);

export const enrollmentCodes = pgTable('enrollment_codes', {
  /** sha256 of the code: the code itself is shown once and never stored. */
  codeHash: text('code_hash').primaryKey(),
  slotId: text('slot_id')
    .notNull()
    .references(() => counters.slotId),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const nonces = pgTable(
  'nonces',
  {
    counterId: text('counter_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.nonce] }), index('nonces_expires_idx').on(t.expiresAt)],
);

export const adminTokens = pgTable('admin_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Feed cursor `cursor` was applied on the counter before its operation `afterSeq + 1` was written. */
export const counterKnowledge = pgTable(
  'counter_knowledge',
  {
    counterId: text('counter_id').notNull(),
    afterSeq: bigint('after_seq', { mode: 'number' }).notNull(),
    cursor: bigint('cursor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.afterSeq] })],
);

/**
 * One administrator request, one effect: each /admin write carries the caller's requestId; it is recorded in
 * the same transaction as its effect — first, so a concurrent repeat waits for it — with the answer it got
 * (server/admin/once.ts).
 */
export const adminRequests = pgTable('admin_requests', {
  requestId: text('request_id').primaryKey(),
  /** The route and its path parameters, e.g. POST /admin/halls/0101/counters. */
  route: text('route').notNull(),
  /** SHA-256 of the route and the body (requestId aside): a different request under the same id is refused. */
  inputHash: text('input_hash').notNull(),
  /** The answer, set in the same transaction before it commits (never null once committed). */
  result: jsonb('result'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
