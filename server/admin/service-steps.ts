/**
 * Head office steering a hall's service desk: a complaint, a work order or an appointment reassigned to another
 * team, or closed (an appointment: cancelled) with a reason, as a new head-office step appended to the record's `hoSteps` (its counter steps and
 * `step_count` untouched: counters keep numbering their own), and published on the hall's feed for its counters
 * (kind `service_step`). Under the feed lock, then the record's row lock — the order a push takes them — so a
 * push moving the same record on waits or is waited for: the step's `afterStepNo` is exactly the counter steps
 * held when it was made. The rules are core/domain/head-office-steps.ts's. Runtime: Node.
 */
import { FIELD_TEAMS } from '../../core/domain/appointments';
import {
  CLOSED_STATUS,
  FINAL,
  type HeadOfficeRecordKind,
  REASSIGNABLE,
} from '../../core/domain/head-office-steps';
import { TEAMS } from '../../core/domain/service-desk';
import { AppError } from '../../core/errors';
import type { ServiceStep, ServiceStepInput } from '../../core/sync/wire-service-steps';
import { lockFeed, publish } from '../feed';
import type { Store } from '../pg/store';

const TEAMS_OF: Record<HeadOfficeRecordKind, readonly string[]> = {
  complaint: TEAMS,
  work_order: FIELD_TEAMS,
  appointment: FIELD_TEAMS,
};

export async function stepServiceRecord(
  store: Store,
  id: string,
  input: ServiceStepInput,
  nowMs: number,
): Promise<ServiceStep> {
  return store.tx(async (q) => {
    await lockFeed(q);
    const [r] = await q.query<{
      hall_id: string;
      kind: string;
      no: string;
      status: string | null;
      step_count: number;
      data: { hoSteps?: ServiceStep[] };
    }>('SELECT hall_id, kind, no, status, step_count, data FROM service_records WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    if (!r) throw new AppError('SERVICE_RECORD_NOT_FOUND');
    if (r.kind !== 'complaint' && r.kind !== 'work_order' && r.kind !== 'appointment')
      throw new AppError('SERVICE_RECORD_NOT_STEERABLE');
    const kind: HeadOfficeRecordKind = r.kind;
    const status = r.status ?? '';
    if (FINAL[kind].includes(status)) throw new AppError('SERVICE_RECORD_CLOSED');
    if (input.action === 'reassign') {
      if (!TEAMS_OF[kind].includes(input.team!)) throw new AppError('SERVICE_TEAM_INVALID');
      if (!REASSIGNABLE[kind].includes(status)) throw new AppError('SERVICE_REASSIGN_NOT_ALLOWED');
    }
    const held = r.data.hoSteps ?? [];
    const step: ServiceStep = {
      recordId: id,
      recordKind: kind,
      recordNo: r.no,
      hoNo: held.length + 1,
      afterStepNo: Number(r.step_count),
      action: input.action,
      team: input.action === 'reassign' ? input.team! : null,
      assignee: input.action === 'reassign' && kind === 'work_order' ? (input.assignee ?? null) : null,
      reason: input.reason,
      by: input.by,
      at: new Date(nowMs).toISOString(),
      statusAfter: input.action === 'close' ? CLOSED_STATUS[kind] : status,
    };
    await q.query(
      `UPDATE service_records SET status = $2, updated_at = $3,
         data = jsonb_set(data, '{hoSteps}', COALESCE(data->'hoSteps', '[]'::jsonb) || $4::jsonb)
       WHERE id = $1`,
      [id, step.statusAfter, step.at, JSON.stringify([step])],
    );
    await publish(q, [
      {
        hallId: r.hall_id,
        kind: 'service_step',
        key: `${id}:${step.hoNo}`,
        data: step,
        originCounterId: null,
      },
    ]);
    return step;
  });
}
