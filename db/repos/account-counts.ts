/**
 * The purchase count and cumulative of each account, across its cards (reliability.md 3, 20): handed to a write
 * as the next ones, spent only when a write is confirmed on a card, never going down. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';

export interface AccountCount {
  lastCount: number;
  cumulative: number;
}

export function accountCount(db: Database.Database, customerId: string): AccountCount {
  return (
    (prepared(db, 'SELECT last_count AS lastCount, cumulative FROM account_counts WHERE customer_id = ?').get(
      customerId,
    ) as AccountCount | undefined) ?? { lastCount: 0, cumulative: 0 }
  );
}

/**
 * The purchase count and cumulative a new write of `addVolume` gets: one past the last *confirmed* one (or past
 * the card's own, if higher). Nothing is spent here: a write that fails leaves them for the next attempt, so a
 * retry gets the same count and cumulative.
 */
export function nextCount(
  db: Database.Database,
  customerId: string,
  addVolume: number,
  floor = 0,
): AccountCount {
  const cur = accountCount(db, customerId);
  return { lastCount: Math.max(cur.lastCount, floor) + 1, cumulative: cur.cumulative + addVolume };
}

/** A write was confirmed on a card: its count and cumulative are spent (counts only go up). */
export function spendCount(
  db: Database.Database,
  customerId: string,
  count: number,
  cumulative: number,
): void {
  prepared(
    db,
    `INSERT INTO account_counts (customer_id, last_count, cumulative) VALUES (?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET last_count = excluded.last_count, cumulative = excluded.cumulative
     WHERE excluded.last_count > account_counts.last_count`,
  ).run(customerId, count, cumulative);
}
