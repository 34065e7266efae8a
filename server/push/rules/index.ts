/**
 * The rules head office applies, by operation type: every type the contract marks `applies` has one (a test
 * holds the two lists together); every other type is kept in the ledger and applied to nothing. `decide` is
 * the one place an operation's outcome is decided. Runtime: Node.
 */
import type { OpType } from '../../../core/sync/ops';
import { CUSTOMER_CHANGE_TYPES } from '../../../core/sync/ops/customer-ops';
import { SALE_OP_TYPES } from '../../../core/sync/ops/sale-ops';
import { type Outcome, type PushedOp, quarantine, type ReadableOp, STORED, type World } from '../world';
import { APPOINTMENT_STEP_TYPES, appointmentBooked, appointmentStepped } from './appointments';
import { cardBlocked, cardIssued, cardReplaced, cardToppedUp, cardWritten, meterRead } from './cards';
import { customerChanged, customerOpened } from './customers';
import { installationApplied, installationStepped } from './installations';
import type { Rule } from './rule';
import { saleRecorded, saleWritten } from './sales';
import {
  acceptanceRecorded,
  COMPLAINT_STEP_TYPES,
  complaintRecorded,
  complaintStepped,
  followupRecorded,
} from './service';
import { shiftClosed, shiftOpened } from './shifts';
import {
  inspectionRecorded,
  inspectionRectified,
  WORK_ORDER_STEP_TYPES,
  workOrderOpened,
  workOrderStepped,
} from './work-orders';

/** Each rule for the types it is written for (its payload type is the union of theirs). */
const forTypes = <T extends OpType>(types: readonly T[], rule: Rule<T>) =>
  types.map((t) => [t, rule as unknown as Rule<OpType>] as const);

export const RULES: Partial<Record<OpType, Rule<OpType>>> = Object.fromEntries([
  ...forTypes(['customer.opened'], customerOpened),
  ...forTypes(CUSTOMER_CHANGE_TYPES, customerChanged),
  ...forTypes(SALE_OP_TYPES, saleRecorded),
  ...forTypes(['sale.cardWritten', 'sale.cardWriteFailed'], saleWritten),
  ...forTypes(['card.issued'], cardIssued),
  ...forTypes(['card.replaced'], cardReplaced),
  ...forTypes(['card.blocked'], cardBlocked),
  ...forTypes(['card.written', 'card.writeFailed'], cardWritten),
  ...forTypes(['card.topUp'], cardToppedUp),
  ...forTypes(['meter.reading'], meterRead),
  ...forTypes(['shift.opened'], shiftOpened),
  ...forTypes(['shift.closed'], shiftClosed),
  ...forTypes(['acceptance.recorded'], acceptanceRecorded),
  ...forTypes(['complaint.recorded'], complaintRecorded),
  ...forTypes(COMPLAINT_STEP_TYPES, complaintStepped),
  ...forTypes(['followup.recorded'], followupRecorded),
  ...forTypes(['appointment.booked'], appointmentBooked),
  ...forTypes(APPOINTMENT_STEP_TYPES, appointmentStepped),
  ...forTypes(['workOrder.opened'], workOrderOpened),
  ...forTypes(WORK_ORDER_STEP_TYPES, workOrderStepped),
  ...forTypes(['inspection.recorded'], inspectionRecorded),
  ...forTypes(['inspection.rectified'], inspectionRectified),
  ...forTypes(['installation.applied'], installationApplied),
  ...forTypes(['installation.stepped'], installationStepped),
]);

/**
 * An operation's outcome: unreadable, kept (a type head office does not apply), from the future, approved by
 * its own operator (the counter refuses that too: an approval is a second person's), refused by its rule's
 * check, else applied.
 */
export function decide(w: World, op: PushedOp): Outcome {
  if (!op.read.ok) return quarantine(op.read.code, op.read.reason);
  const rule = RULES[op.read.type];
  if (!rule) return STORED; // kept in the ledger; its time decides nothing
  if (op.refused) return op.refused;
  if (op.approverId !== null && op.approverId === op.operatorId)
    return quarantine('SELF_APPROVED', `审批人与操作员是同一人（${op.operatorId}），总部不采信`);
  const readable = op as ReadableOp;
  return rule.check(w, readable) ?? rule.apply(w, readable);
}
