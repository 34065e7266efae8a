/** Handlers of the cash-desk operations, one use case per file. Runtime: Node. */
import type { Handlers } from '../call';
import { shiftsCashMovement } from './cash-movement';
import { daysClose } from './close-day';
import { shiftsClose } from './close-shift';
import { daysReport } from './day-report';
import { shiftsCurrent, shiftsOpen } from './open-shift';
import { shiftsList, shiftsReport } from './read-shifts';
import { depositsRecord } from './record-deposit';

type CashOps =
  | 'shifts.current'
  | 'shifts.open'
  | 'shifts.cashMovement'
  | 'shifts.close'
  | 'shifts.report'
  | 'shifts.list'
  | 'deposits.record'
  | 'days.report'
  | 'days.close';

export const cashHandlers: Pick<Handlers, CashOps> = {
  'shifts.current': shiftsCurrent,
  'shifts.open': shiftsOpen,
  'shifts.cashMovement': shiftsCashMovement,
  'shifts.close': shiftsClose,
  'shifts.report': shiftsReport,
  'shifts.list': shiftsList,
  'deposits.record': depositsRecord,
  'days.report': daysReport,
  'days.close': daysClose,
};
