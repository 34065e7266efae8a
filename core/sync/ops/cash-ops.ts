/**
 * The cash desk's operations: shifts (开班, 交班), cash in and out, bank deposits (缴款), the day close (日结).
 * They are the counter's own records; head office keeps every one and applies the shifts. Runtime: any.
 */
import { z } from 'zod';
import { dayCashSchema, dayReportSchema, shiftSchema } from '../../contract/cash';
import { CASH_MOVEMENT_KINDS, DENOMINATIONS } from '../../domain/cash';
import { defineOp, FROM_V1, SAME_SHAPE } from './define';
import { day, id, int, isoTime, str } from './fields';

/** A shift as it is closed: who closed it and who approved its difference (version 3 of shift.closed). */
export const shiftRecord = shiftSchema.strict();
/** A shift as it opens: nobody has closed it yet, so the closer and approver are not part of it. */
export const openedShiftRecord = shiftSchema.omit({ closedBy: true, approvedBy: true }).strict();

const counterRecord = { authority: 'counter' } as const;

export const cashOps = [
  defineOp({
    type: 'shift.opened',
    version: 2,
    entityType: 'shift',
    ...counterRecord,
    headOffice: 'applies',
    entityId: (p) => p.id,
    summary: '开班（备用金）',
    schema: openedShiftRecord.superRefine((s, ctx) => {
      if (s.status !== 'open')
        ctx.addIssue({ code: 'custom', path: ['status'], message: '开班记录应为在班' });
      if (s.float < 0) ctx.addIssue({ code: 'custom', path: ['float'], message: '备用金不能为负' });
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'shift.closed',
    version: 3,
    entityType: 'shift',
    ...counterRecord,
    headOffice: 'applies',
    entityId: (p) => p.shift.id,
    summary: '交班（点钞、应有与实有现金、差额）',
    schema: z.strictObject({
      shift: shiftRecord,
      cash: z.strictObject({
        float: int,
        cashTaken: int,
        cashRefunded: int,
        cashIn: int,
        cashOut: int,
        expected: int,
      }),
      denominations: z
        .array(
          z.strictObject({
            value: int.refine((v) => (DENOMINATIONS as readonly number[]).includes(v), {
              error: '没有这种面额',
            }),
            count: int.min(0),
          }),
        )
        .nullable(),
    }),
    // Before version 3 a shift could only be closed by its own operator, and no difference needed approval.
    upgrades: {
      1: SAME_SHAPE,
      2: (old) => {
        const shift = old.shift as { operator: unknown };
        return { ...old, shift: { ...shift, closedBy: shift.operator, approvedBy: null } };
      },
    },
  }),
  defineOp({
    type: 'shift.cash_moved',
    version: 2,
    entityType: 'shift',
    ...counterRecord,
    headOffice: 'stores',
    entityId: (p) => p.shiftId,
    summary: '现金存入或取出（注明原因）',
    schema: z.strictObject({
      id,
      shiftId: id,
      kind: z.enum(CASH_MOVEMENT_KINDS),
      amount: int.min(0),
      reason: str,
      at: isoTime,
      operatorId: id,
      businessDate: day,
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'deposit.recorded',
    version: 3,
    entityType: 'deposit',
    ...counterRecord,
    headOffice: 'stores',
    entityId: (p) => p.id,
    summary: '缴款（现金存入银行）',
    schema: z.strictObject({
      id,
      businessDate: day,
      amount: int.min(0),
      bank: str,
      reference: str,
      at: isoTime,
      operatorId: id,
      /** 补录: recorded after the business day was closed (a next-morning bank deposit). */
      late: z.boolean(),
    }),
    // Before version 3 a closed day took no deposits.
    upgrades: { 1: SAME_SHAPE, 2: (old) => ({ ...old, late: false }) },
  }),
  defineOp({
    type: 'day.closed',
    version: 3,
    entityType: 'business_day',
    ...counterRecord,
    headOffice: 'stores',
    entityId: (p) => p.businessDate,
    summary: '日结（营业日报）',
    // `cash` (the day's cash lines) is null in a report frozen before version 3, which did not state them.
    // `unsettled` (the paid sales not on a card) is not frozen: it is read as it stands whenever the report is.
    schema: dayReportSchema.omit({ unsettled: true }).extend({ cash: dayCashSchema.nullable() }).strict(),
    upgrades: {
      1: SAME_SHAPE,
      2: (old) => ({
        ...old,
        deposits: (old.deposits as object[]).map((d) => ({ ...d, late: false })),
        cash: null,
      }),
    },
  }),
] as const;
