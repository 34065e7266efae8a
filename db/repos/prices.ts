/**
 * Price versions (append-only, effective-dated), purchase limits and the fee catalogue. Every write runs inside
 * the caller's transaction. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { feeItems, priceVersions, purchaseLimits } from '../schema';

import { prepared } from '../prepared';

export { prepared };

export type PriceVersionRow = typeof priceVersions.$inferSelect;
export type LimitsRow = typeof purchaseLimits.$inferSelect;
export type FeeItemRow = typeof feeItems.$inferSelect;

export interface StoredTier {
  width: number | null;
  priceLi: number;
  extraPerPerson: number;
}

const VERSION_COLS = `id, user_class AS userClass, effective_from AS effectiveFrom,
  base_household_size AS baseHouseholdSize, period_start AS periodStart, tiers, note, created_at AS createdAt,
  created_by AS createdBy, approved_by AS approvedBy`;

export function listPriceVersions(db: Drizzle): PriceVersionRow[] {
  return db
    .select()
    .from(priceVersions)
    .orderBy(asc(priceVersions.userClass), asc(priceVersions.effectiveFrom))
    .all();
}

/** The version in effect for a class on `date`: the latest effectiveFrom ≤ date. */
export function priceVersionOn(
  sqlite: Database.Database,
  userClass: string,
  date: string,
): PriceVersionRow | undefined {
  return prepared(
    sqlite,
    `SELECT ${VERSION_COLS} FROM price_versions WHERE user_class = ? AND effective_from <= ?
     ORDER BY effective_from DESC LIMIT 1`,
  ).get(userClass, date) as PriceVersionRow | undefined;
}

export function priceVersionStartingOn(
  sqlite: Database.Database,
  userClass: string,
  date: string,
): PriceVersionRow | undefined {
  return prepared(
    sqlite,
    `SELECT ${VERSION_COLS} FROM price_versions WHERE user_class = ? AND effective_from = ?`,
  ).get(userClass, date) as PriceVersionRow | undefined;
}

export function findPriceVersion(db: Drizzle, id: string): PriceVersionRow | undefined {
  return db.select().from(priceVersions).where(eq(priceVersions.id, id)).get();
}

export function insertPriceVersion(db: Drizzle, row: PriceVersionRow): void {
  db.insert(priceVersions).values(row).run();
}

export function parseTiers(json: string): StoredTier[] {
  return JSON.parse(json) as StoredTier[];
}

export function listLimits(db: Drizzle): LimitsRow[] {
  return db.select().from(purchaseLimits).orderBy(asc(purchaseLimits.userClass)).all();
}

export function limitsOf(sqlite: Database.Database, userClass: string): LimitsRow | undefined {
  return prepared(
    sqlite,
    `SELECT user_class AS userClass, per_purchase AS perPurchase, per_month AS perMonth, per_year AS perYear
     FROM purchase_limits WHERE user_class = ?`,
  ).get(userClass) as LimitsRow | undefined;
}

export function saveLimits(db: Drizzle, row: LimitsRow): void {
  db.insert(purchaseLimits)
    .values(row)
    .onConflictDoUpdate({
      target: purchaseLimits.userClass,
      set: { perPurchase: row.perPurchase, perMonth: row.perMonth, perYear: row.perYear },
    })
    .run();
}

export function listFeeItems(db: Drizzle, includeInactive: boolean): FeeItemRow[] {
  const q = db.select().from(feeItems);
  return (includeInactive ? q : q.where(eq(feeItems.active, true))).orderBy(asc(feeItems.code)).all();
}

export function findFeeItem(db: Drizzle, id: string): FeeItemRow | undefined {
  return db.select().from(feeItems).where(eq(feeItems.id, id)).get();
}

export function findFeeItemByCode(db: Drizzle, code: string): FeeItemRow | undefined {
  return db.select().from(feeItems).where(eq(feeItems.code, code)).get();
}

export function insertFeeItem(db: Drizzle, row: FeeItemRow): void {
  db.insert(feeItems).values(row).run();
}

export function updateFeeItem(db: Drizzle, id: string, patch: Partial<FeeItemRow>): void {
  db.update(feeItems).set(patch).where(eq(feeItems.id, id)).run();
}
