/** Staff accounts: lookups and writes (each write inside the caller's transaction). Runtime: Node. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Staff } from '../../core/contract';
import type { Drizzle } from '../open';
import { staff } from '../schema';

export type StaffRow = typeof staff.$inferSelect;

export function toStaff(r: StaffRow, nowIso: string): Staff {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    roles: r.roles,
    active: r.active,
    locked: r.lockedUntil !== null && r.lockedUntil > nowIso,
    createdAt: r.createdAt,
  };
}

export function findStaffByUsername(db: Drizzle, username: string): StaffRow | undefined {
  return db.select().from(staff).where(sql`lower(${staff.username}) = lower(${username})`).get();
}

export function findStaffById(db: Drizzle, id: string): StaffRow | undefined {
  return db.select().from(staff).where(eq(staff.id, id)).get();
}

export function listStaff(db: Drizzle): StaffRow[] {
  return db.select().from(staff).orderBy(asc(staff.createdAt)).all();
}

export function insertStaff(db: Drizzle, row: typeof staff.$inferInsert): void {
  db.insert(staff).values(row).run();
}

export function updateStaff(db: Drizzle, id: string, patch: Partial<typeof staff.$inferInsert>): void {
  db.update(staff).set(patch).where(eq(staff.id, id)).run();
}

export function countStaff(db: Drizzle): number {
  return db.select({ n: sql<number>`count(*)` }).from(staff).get()?.n ?? 0;
}
