/**
 * 工单 (work orders) for the field teams: opened from an acceptance, an appointment, a complaint, a meter
 * alarm seen on a card read or head office's 核表请求 (a suspect of its usage analysis); 派单 to a team and a person (改派 again while not done); the result entered at
 * the counter when the team reports back (完成), or 撤销 with a reason. A completed or cancelled work order is
 * final. Each step is a new row, never an edit. And the faulty-meter register's faults and actions.
 * Source: the hall handbook (../shared/seed/), 表具故障的检查、登记、上报. Runtime: any.
 */

/** What the team goes out for. */
export const WORK_KINDS = ['repair', 'gas_on', 'inspect', 'meter_change', 'patrol'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_ZH: Record<WorkKind, string> = {
  repair: '维修',
  gas_on: '通气',
  inspect: '安检',
  meter_change: '换表',
  patrol: '巡线',
};

/** Where a work order comes from. */
export const WORK_SOURCES = ['acceptance', 'appointment', 'complaint', 'alarm', 'referral'] as const;
export type WorkSource = (typeof WORK_SOURCES)[number];
export const WORK_SOURCE_ZH: Record<WorkSource, string> = {
  acceptance: '业务受理',
  appointment: '预约上门',
  complaint: '投诉',
  alarm: '表具报警（读卡）',
  referral: '总部用量分析（核表请求）',
};

export const WORK_ORDER_STATUSES = ['pending', 'assigned', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const WORK_ORDER_STATUS_ZH: Record<WorkOrderStatus, string> = {
  pending: '待派',
  assigned: '已派',
  completed: '已完成',
  cancelled: '已撤销',
};

export const WORK_ORDER_ACTIONS = ['assign', 'complete', 'cancel'] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];
export const WORK_ORDER_ACTION_ZH: Record<WorkOrderAction, string> = {
  assign: '派单（改派）',
  complete: '登记完成结果',
  cancel: '撤销',
};

const MOVES: Record<WorkOrderAction, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }> = {
  assign: { from: ['pending', 'assigned'], to: 'assigned' },
  complete: { from: ['assigned'], to: 'completed' },
  cancel: { from: ['pending', 'assigned'], to: 'cancelled' },
};

/** The status after `action`, or null when the move is not allowed from `from`. */
export function nextWorkOrderStatus(from: WorkOrderStatus, action: WorkOrderAction): WorkOrderStatus | null {
  return MOVES[action].from.includes(from) ? MOVES[action].to : null;
}

export const allowedWorkOrderActions = (from: WorkOrderStatus): WorkOrderAction[] =>
  WORK_ORDER_ACTIONS.filter((a) => nextWorkOrderStatus(from, a) !== null);

export const workOrderFinal = (s: WorkOrderStatus) => s === 'completed' || s === 'cancelled';

/** Why `action` is refused from `from`, in the clerk's words (null when allowed). */
export function workOrderMoveProblem(from: WorkOrderStatus, action: WorkOrderAction): string | null {
  if (nextWorkOrderStatus(from, action) !== null) return null;
  if (workOrderFinal(from))
    return `该工单${WORK_ORDER_STATUS_ZH[from]}，不能再修改；如还需上门，请另开一张工单。`;
  const allowed = allowedWorkOrderActions(from).map((a) => WORK_ORDER_ACTION_ZH[a]);
  return `工单当前为「${WORK_ORDER_STATUS_ZH[from]}」，不能${WORK_ORDER_ACTION_ZH[action]}；现在可以：${allowed.join('、')}。`;
}

/** The faulty-meter register (表具故障登记): what was wrong with a meter and what was done. */
export const METER_FAULTS = [
  'no_display',
  'card_unread',
  'valve',
  'battery',
  'metering',
  'leak',
  'tamper',
  'other',
] as const;
export type MeterFault = (typeof METER_FAULTS)[number];
export const METER_FAULT_ZH: Record<MeterFault, string> = {
  no_display: '不显示',
  card_unread: '不读卡',
  valve: '阀门故障',
  battery: '电池欠压',
  metering: '计量不准',
  leak: '表具漏气',
  tamper: '表具被拆动',
  other: '其他故障',
};

export const FAULT_ACTIONS = ['repaired', 'replaced', 'reported'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];
export const FAULT_ACTION_ZH: Record<FaultAction, string> = {
  repaired: '现场修复',
  replaced: '已换表',
  reported: '上报厂家',
};
