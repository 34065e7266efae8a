/**
 * 安检 rows (db/schema/inspections.ts): inserts and reads only (append-only tables), a household's open
 * hazards (not rectified) and the households not inspected since a day. Runtime: Node.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { inspectionRectifications, inspections } from '../schema/inspections';

export type InspectionRow = typeof inspections.$inferSelect;
export type RectificationRow = typeof inspectionRectifications.$inferSelect;

export function insertInspection(db: Drizzle, row: InspectionRow): void {
  db.insert(inspections).values(row).run();
}

export function insertRectification(db: Drizzle, row: RectificationRow): void {
  db.insert(inspectionRectifications).values(row).run();
}

export function findInspection(db: Drizzle, id: string): InspectionRow | undefined {
  return db.select().from(inspections).where(eq(inspections.id, id)).get();
}

export function rectificationsOf(db: Drizzle, ids: readonly string[]): RectificationRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(inspectionRectifications)
    .where(inArray(inspectionRectifications.inspectionId, [...ids]))
    .all();
}

const OPEN = sql`${inspections.result} = 'hazard' AND NOT EXISTS (SELECT 1 FROM inspection_rectifications r
  WHERE r.inspection_id = ${inspections.id})`;

/** Inspections newest first: a household's, or those with hazards not yet rectified (by deadline). */
export function listInspections(
  db: Drizzle,
  q: { customerId?: string; openHazards?: boolean; limit: number },
): InspectionRow[] {
  const where = [
    q.customerId ? sql`${inspections.customerId} = ${q.customerId}` : undefined,
    q.openHazards ? OPEN : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select()
    .from(inspections)
    .where(where.length ? sql.join(where, sql` AND `) : undefined)
    .orderBy(
      ...(q.openHazards ? [inspections.deadline] : []),
      desc(inspections.date),
      sql`${inspections}.rowid DESC`,
    )
    .limit(q.limit)
    .all();
}

/** A household's inspections with hazards not yet rectified (the oldest deadline first). */
export function openHazardsOf(db: Drizzle, customerId: string): InspectionRow[] {
  return listInspections(db, { customerId, openHazards: true, limit: 100 });
}

export interface OverdueHousehold {
  customerId: string;
  accountNo: string;
  name: string;
  phone: string;
  address: string;
  /** The last inspection day known (the file's, or a recorded inspection's), or null: never inspected. */
  lastDate: string | null;
}

/** Active households whose last inspection (file or record) is before `since` or unknown, the longest first. */
export function householdsNotInspectedSince(db: Drizzle, since: string, limit: number): OverdueHousehold[] {
  return db
    .all<OverdueHousehold>(sql`SELECT * FROM (SELECT c.id AS customerId, c.account_no AS accountNo,
      c.name AS name, c.phone AS phone, c.full_address AS address,
      MAX(COALESCE(c.inspection_date, ''), COALESCE((SELECT MAX(i.date) FROM inspections i
        WHERE i.customer_id = c.id AND i.result IN ('normal', 'hazard')), '')) AS lastDate
    FROM customers c WHERE c.status = 'active')
    WHERE lastDate < ${since}
    ORDER BY lastDate, accountNo LIMIT ${limit}`)
    .map((r) => ({ ...r, lastDate: r.lastDate || null }));
}
