/**
 * The customer file (一户一档): classes, inspection states, and the account status state machine.
 * Runtime: any.
 */
export const USER_CLASSES = ['residential', 'public_welfare', 'commercial', 'industrial'] as const;
export type UserClass = (typeof USER_CLASSES)[number];
export const USER_CLASS_ZH: Record<UserClass, string> = {
  residential: '居民',
  public_welfare: '公福',
  commercial: '商业',
  industrial: '工业',
};

export const INSPECTION_STATUSES = ['normal', 'hazard', 'nobody_home', 'refused'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_ZH: Record<InspectionStatus, string> = {
  normal: '正常',
  hazard: '有隐患',
  nobody_home: '无人',
  refused: '拒检',
};

export const CUSTOMER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_ZH: Record<CustomerStatus, string> = {
  active: '正常',
  suspended: '停用',
  closed: '销户',
};

/** Status-changing actions. 过户 (transfer) keeps the status but needs an active account. */
export const STATUS_ACTIONS = ['suspend', 'resume', 'close', 'transfer'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];
export const STATUS_ACTION_ZH: Record<StatusAction, string> = {
  suspend: '停用',
  resume: '启用',
  close: '销户',
  transfer: '过户',
};

const TRANSITIONS: Record<StatusAction, { from: readonly CustomerStatus[]; to: CustomerStatus | 'same' }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  close: { from: ['active', 'suspended'], to: 'closed' },
  transfer: { from: ['active'], to: 'same' },
};

/** Actions that need a supervisor's approval on the clerk's screen. */
export const APPROVAL_ACTIONS: ReadonlySet<StatusAction> = new Set(['close']);

/** The status after `action`, or null when the move is illegal from `from`. */
export function nextStatus(from: CustomerStatus, action: StatusAction): CustomerStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) return null;
  return t.to === 'same' ? from : t.to;
}

export function allowedActions(from: CustomerStatus): StatusAction[] {
  return STATUS_ACTIONS.filter((a) => nextStatus(from, a) !== null);
}

/** 110101199003074514 → 110101********4514 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export interface AddressParts {
  district: string;
  community: string;
  building: string;
  unit?: string | null;
  room: string;
}

/**
 * The address as it is written, in its parts — 区/街道, 小区, 楼栋, 单元, 门牌号: a receipt line breaks only
 * between them. 北辰区 阳光小区 3 2 501 → ["北辰区", "阳光小区", "3栋", "2单元", "501"].
 */
export function addressParts(a: AddressParts): string[] {
  const unit = a.unit ? `${a.unit}${/单元$/.test(a.unit) ? '' : '单元'}` : '';
  const building = `${a.building}${/[栋幢号楼]$/.test(a.building) ? '' : '栋'}`;
  return [a.district, a.community, building, unit, a.room].filter((p) => p.length > 0);
}

/** 北辰区 阳光小区 3栋 2单元 501 → "北辰区阳光小区3栋2单元501" */
export function formatAddress(a: AddressParts): string {
  return addressParts(a).join('');
}
