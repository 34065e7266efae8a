/**
 * The service desk's rows (db/schema/service-desk.ts), through drizzle: the schema knows the columns, so no
 * column list is typed by hand here. Every table is append-only: these functions insert and read, nothing else.
 * Runtime: Node.
 */
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { closedByHeadOffice } from './head-office-steps';
import { acceptances, complaintSteps, complaints, followups, serviceTypes } from '../schema/service-desk';

export type ServiceTypeRow = typeof serviceTypes.$inferSelect;
export type AcceptanceRow = typeof acceptances.$inferSelect;
export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintStepRow = typeof complaintSteps.$inferSelect;
export type FollowupRow = typeof followups.$inferSelect;

/** The latest saved version of every business type the counter changed or added. */
export function latestServiceTypes(db: Drizzle): ServiceTypeRow[] {
  const latest = db
    .select({ code: serviceTypes.code, version: sql<number>`max(${serviceTypes.version})`.as('v') })
    .from(serviceTypes)
    .groupBy(serviceTypes.code)
    .as('latest');
  return db
    .select({ row: serviceTypes })
    .from(serviceTypes)
    .innerJoin(latest, and(eq(latest.code, serviceTypes.code), eq(latest.version, serviceTypes.version)))
    .all()
    .map((r) => r.row);
}

export function insertServiceType(db: Drizzle, row: ServiceTypeRow): void {
  db.insert(serviceTypes).values(row).run();
}

export function insertAcceptance(db: Drizzle, row: AcceptanceRow): void {
  db.insert(acceptances).values(row).run();
}

export function findAcceptance(db: Drizzle, id: string): AcceptanceRow | undefined {
  return db.select().from(acceptances).where(eq(acceptances.id, id)).get();
}

/** Newest first; by customer, or by a fragment of the number, name or phone. */
export function listAcceptances(
  db: Drizzle,
  q: { customerId?: string; query?: string; limit: number },
): AcceptanceRow[] {
  const text = q.query ? `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select()
    .from(acceptances)
    .where(
      and(
        q.customerId ? eq(acceptances.customerId, q.customerId) : undefined,
        text
          ? or(
              sql`${acceptances.no} LIKE ${text} ESCAPE '\\'`,
              sql`${acceptances.name} LIKE ${text} ESCAPE '\\'`,
              like(acceptances.phone, text),
              sql`${acceptances.accountNo} LIKE ${text} ESCAPE '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(desc(acceptances.createdAt), desc(sql`rowid`))
    .limit(q.limit)
    .all();
}

export function insertComplaint(db: Drizzle, row: ComplaintRow): void {
  db.insert(complaints).values(row).run();
}

export function findComplaint(db: Drizzle, id: string): ComplaintRow | undefined {
  return db.select().from(complaints).where(eq(complaints.id, id)).get();
}

export function insertComplaintStep(db: Drizzle, row: ComplaintStepRow): void {
  db.insert(complaintSteps).values(row).run();
}

/** A complaint's steps in order. */
export function stepsOf(db: Drizzle, complaintIds: readonly string[]): ComplaintStepRow[] {
  if (complaintIds.length === 0) return [];
  return db
    .select()
    .from(complaintSteps)
    .where(inArray(complaintSteps.complaintId, [...complaintIds]))
    .orderBy(complaintSteps.complaintId, complaintSteps.stepNo)
    .all();
}

export function insertFollowup(db: Drizzle, row: FollowupRow): void {
  db.insert(followups).values(row).run();
}

export function followupsOf(db: Drizzle, complaintIds: readonly string[]): FollowupRow[] {
  if (complaintIds.length === 0) return [];
  return db
    .select()
    .from(followups)
    .where(inArray(followups.complaintId, [...complaintIds]))
    .orderBy(followups.complaintId, followups.at, sql`rowid`)
    .all();
}

/**
 * Complaint rows with their current status (their last step's, 已登记 without one; 已结案 once head office closed
 * it), newest first: the open ones
 * (not closed), the closed ones whose 回访 is not done, or all.
 */
export function listComplaints(
  db: Drizzle,
  which: 'open' | 'followupDue' | 'all',
  limit: number,
  customerId?: string,
): ComplaintRow[] {
  const status = sql`CASE WHEN ${closedByHeadOffice(sql`${complaints.id}`)} THEN 'closed' ELSE
    COALESCE((SELECT s.status_after FROM complaint_steps s WHERE s.complaint_id = ${complaints.id}
    ORDER BY s.step_no DESC LIMIT 1), 'recorded') END`;
  const reached = sql`EXISTS (SELECT 1 FROM followups f WHERE f.complaint_id = ${complaints.id} AND f.outcome = 'reached')`;
  const where =
    which === 'open'
      ? sql`${status} <> 'closed'`
      : which === 'followupDue'
        ? sql`${status} = 'closed' AND NOT ${reached}`
        : undefined;
  return db
    .select()
    .from(complaints)
    .where(and(where, customerId ? eq(complaints.customerId, customerId) : undefined))
    .orderBy(desc(complaints.createdAt), desc(sql`rowid`))
    .limit(limit)
    .all();
}
