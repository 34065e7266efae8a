/**
 * 预约上门 rows (db/schema/appointments.ts): inserts and reads only (both tables are append-only). An
 * appointment's current placement and status are its last step's, the booking's own without one. Runtime: Node.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { appointmentSteps, appointments } from '../schema/appointments';
import { closedByHeadOffice } from './head-office-steps';

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentStepRow = typeof appointmentSteps.$inferSelect;

export function insertAppointment(db: Drizzle, row: AppointmentRow): void {
  db.insert(appointments).values(row).run();
}

export function insertAppointmentStep(db: Drizzle, row: AppointmentStepRow): void {
  db.insert(appointmentSteps).values(row).run();
}

export function findAppointment(db: Drizzle, id: string): AppointmentRow | undefined {
  return db.select().from(appointments).where(eq(appointments.id, id)).get();
}

/** The steps of these appointments, in order. */
export function appointmentStepsOf(db: Drizzle, ids: readonly string[]): AppointmentStepRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(appointmentSteps)
    .where(inArray(appointmentSteps.appointmentId, [...ids]))
    .orderBy(appointmentSteps.appointmentId, appointmentSteps.stepNo)
    .all();
}

/**
 * Each appointment's current day, slot, team and status: its last step's it took, or as booked — with head
 * office's steps (head_office_steps) taken in: cancelled once head office cancelled it, a counter step made
 * after that cancel not taken, and the team a head-office 改派 made after its last step named.
 */
const current = sql`(SELECT a.id AS id,
    COALESCE(s.date, a.date) AS date, COALESCE(s.slot, a.slot) AS slot,
    COALESCE((SELECT h.team FROM head_office_steps h WHERE h.record_id = a.id AND h.action = 'reassign'
      AND h.after_step_no >= COALESCE(s.step_no, 0) ORDER BY h.ho_no DESC LIMIT 1), s.team, a.team) AS team,
    CASE WHEN ${closedByHeadOffice(sql`a.id`)} THEN 'cancelled' ELSE COALESCE(s.status_after, 'booked') END AS status,
    a.created_at AS created_at, a.rowid AS rn
  FROM appointments a LEFT JOIN appointment_steps s ON s.appointment_id = a.id
    AND s.step_no = (SELECT MAX(x.step_no) FROM appointment_steps x WHERE x.appointment_id = a.id
      AND x.step_no <= COALESCE((SELECT c.after_step_no FROM head_office_steps c
        WHERE c.record_id = a.id AND c.action = 'close'), x.step_no)))`;

/** Appointments standing (not cancelled) in a team's slot of a day, leaving one out (the one being moved). */
export function slotTaken(
  db: Drizzle,
  at: { date: string; slot: string; team: string },
  except?: string,
): number {
  const r = db.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM ${current} c WHERE c.date = ${at.date} AND c.slot = ${at.slot}
      AND c.team = ${at.team} AND c.status <> 'cancelled' AND c.id <> ${except ?? ''}`,
  );
  return r?.n ?? 0;
}

/** Appointments now on a day (optionally one team's; cancelled ones only when asked), in booking order per slot. */
export function appointmentsOn(
  db: Drizzle,
  q: { date: string; team?: string; withCancelled: boolean },
): AppointmentRow[] {
  const ids = db
    .all<{ id: string }>(
      sql`SELECT c.id AS id FROM ${current} c WHERE c.date = ${q.date}
        ${q.team ? sql`AND c.team = ${q.team}` : sql``}
        ${q.withCancelled ? sql`` : sql`AND c.status <> 'cancelled'`}
        ORDER BY c.team, c.slot, c.created_at, c.rn`,
    )
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = db.select().from(appointments).where(inArray(appointments.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** A household's appointments, newest first. */
export function appointmentsOf(db: Drizzle, customerId: string, limit: number): AppointmentRow[] {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.customerId, customerId)))
    .orderBy(sql`${appointments.createdAt} DESC`, sql`rowid DESC`)
    .limit(limit)
    .all();
}
