/**
 * Head office steering a hall's service desk (POST /admin/service-records/:id/steps): a complaint, a work
 * order or an appointment reassigned to another team, or closed (an appointment: cancelled) with a reason, recorded as a new head-office step
 * (core/domain/head-office-steps.ts) and sent to the hall's counters on their pull (feed kind `service_step`).
 * Runtime: any.
 */
import { z } from 'zod';
import { trimmed } from '../contract/common';
import { FIELD_TEAMS } from '../domain/appointments';
import { HEAD_OFFICE_ACTIONS, HEAD_OFFICE_RECORD_KINDS } from '../domain/head-office-steps';
import { TEAMS } from '../domain/service-desk';

/** Every team a record can be with: a complaint's (收费班, 巡线班, 通气维修班) and a work order's (and 安装队). */
export const STEERABLE_TEAMS = [...new Set([...TEAMS, ...FIELD_TEAMS])] as [string, ...string[]];

export const serviceStepInputSchema = z
  .object({
    action: z.enum(HEAD_OFFICE_ACTIONS, { error: '请选择改派（reassign）或结案（close）' }),
    /** For a reassignment: the team it goes to (a complaint: billing/patrol/repair; a work order or an appointment: patrol/repair/install). */
    team: z.enum(STEERABLE_TEAMS, { error: '没有这个班组' }).optional(),
    /** For a work order's reassignment: the person, if named. */
    assignee: trimmed(40, '处理人员').optional(),
    reason: trimmed(200, '原因'),
    by: trimmed(40, '处理人'),
  })
  .refine((x) => x.action !== 'reassign' || x.team !== undefined, {
    error: '改派须指定班组',
    path: ['team'],
  });
export type ServiceStepInput = z.infer<typeof serviceStepInputSchema>;

/** A head-office step as head office keeps it, answers it and sends it to the hall's counters. */
export const serviceStepSchema = z.object({
  recordId: z.string(),
  recordKind: z.enum(HEAD_OFFICE_RECORD_KINDS),
  recordNo: z.string(),
  hoNo: z.number().int().min(1),
  afterStepNo: z.number().int().min(0),
  action: z.enum(HEAD_OFFICE_ACTIONS),
  team: z.string().nullable(),
  assignee: z.string().nullable(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  /** The record's state after the step. */
  statusAfter: z.string(),
});
export type ServiceStep = z.infer<typeof serviceStepSchema>;
