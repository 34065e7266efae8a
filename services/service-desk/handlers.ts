/** The service desk's handlers (服务台), registered with the dispatcher in services/api.ts. Runtime: Node. */
import type { Handlers } from '../call';
import {
  appointmentsBook,
  appointmentsCancel,
  appointmentsGet,
  appointmentsList,
  appointmentsReschedule,
  appointmentsSlots,
} from './appointments';
import { acceptancesCreate, acceptancesGet, acceptancesList } from './acceptances';
import { serviceTypesList, serviceTypesSave } from './catalogue';
import {
  complaintsClose,
  complaintsGet,
  complaintsHandOver,
  complaintsJudge,
  complaintsNote,
  complaintsRecord,
  complaintsResolve,
} from './complaints';
import { complaintsList, followupsQueue, followupsRecord, serviceDeskTodo } from './followups';
import { acceptancesPreview, acceptancesPrint } from './notice';
import { appointmentsPreview, appointmentsPrint, appointmentsPrintDay } from './slip';
import { fieldWorkTodo } from './field-todo';
import { inspectionsPreview, inspectionsPrint } from './hazard-notice';
import {
  inspectionsGet,
  inspectionsList,
  inspectionsOverdue,
  inspectionsRecord,
  inspectionsRectify,
} from './inspections';
import {
  meterFaultsList,
  workOrdersAssign,
  workOrdersCancel,
  workOrdersComplete,
  workOrdersGet,
  workOrdersList,
} from './work-order-steps';
import { workOrdersOpen } from './work-orders';
import {
  installationsApply,
  installationsAttachment,
  installationsGet,
  installationsList,
  installationsStep,
} from './installations';
import { serviceLimitsGet, serviceLimitsSave } from './service-limits';
import { publicityAlarmSlip, publicityAlarmSlipPreview, publicityGet, publicitySave } from './publicity';

type ServiceDeskOp = Extract<
  keyof Handlers,
  | `serviceTypes.${string}`
  | `acceptances.${string}`
  | `complaints.${string}`
  | `followups.${string}`
  | `appointments.${string}`
  | `workOrders.${string}`
  | `meterFaults.${string}`
  | `inspections.${string}`
  | `installations.${string}`
  | `serviceLimits.${string}`
  | `publicity.${string}`
  | 'serviceDesk.todo'
  | 'fieldWork.todo'
>;

export const serviceDeskHandlers: Pick<Handlers, ServiceDeskOp> = {
  'serviceTypes.list': serviceTypesList,
  'serviceTypes.save': serviceTypesSave,
  'acceptances.create': acceptancesCreate,
  'acceptances.get': acceptancesGet,
  'acceptances.list': acceptancesList,
  'acceptances.preview': acceptancesPreview,
  'acceptances.print': acceptancesPrint,
  'complaints.record': complaintsRecord,
  'complaints.judge': complaintsJudge,
  'complaints.handOver': complaintsHandOver,
  'complaints.note': complaintsNote,
  'complaints.resolve': complaintsResolve,
  'complaints.close': complaintsClose,
  'complaints.get': complaintsGet,
  'complaints.list': complaintsList,
  'followups.queue': followupsQueue,
  'followups.record': followupsRecord,
  'serviceDesk.todo': serviceDeskTodo,
  'appointments.slots': appointmentsSlots,
  'appointments.book': appointmentsBook,
  'appointments.reschedule': appointmentsReschedule,
  'appointments.cancel': appointmentsCancel,
  'appointments.get': appointmentsGet,
  'appointments.list': appointmentsList,
  'appointments.preview': appointmentsPreview,
  'appointments.print': appointmentsPrint,
  'appointments.printDay': appointmentsPrintDay,
  'workOrders.open': workOrdersOpen,
  'workOrders.assign': workOrdersAssign,
  'workOrders.complete': workOrdersComplete,
  'workOrders.cancel': workOrdersCancel,
  'workOrders.get': workOrdersGet,
  'workOrders.list': workOrdersList,
  'meterFaults.list': meterFaultsList,
  'inspections.record': inspectionsRecord,
  'inspections.rectify': inspectionsRectify,
  'inspections.get': inspectionsGet,
  'inspections.list': inspectionsList,
  'inspections.overdue': inspectionsOverdue,
  'inspections.preview': inspectionsPreview,
  'inspections.print': inspectionsPrint,
  'fieldWork.todo': fieldWorkTodo,
  'installations.apply': installationsApply,
  'installations.step': installationsStep,
  'installations.get': installationsGet,
  'installations.list': installationsList,
  'installations.attachment': installationsAttachment,
  'serviceLimits.get': serviceLimitsGet,
  'serviceLimits.save': serviceLimitsSave,
  'publicity.get': publicityGet,
  'publicity.save': publicitySave,
  'publicity.alarmSlipPreview': publicityAlarmSlipPreview,
  'publicity.alarmSlip': publicityAlarmSlip,
};
