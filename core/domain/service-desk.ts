/**
 * The service desk (服务台): the business types a customer comes for (业务受理), the channels, the complaint
 * categories with their time limits, the teams a complaint is handed to, the complaint state machine and the
 * 回访 outcomes. Source: the hall handbook (../shared/seed/), 客服业务办理工作规范 and 客服电话受理工作规范.
 * Runtime: any.
 */

/** A business type of the catalogue: a short code (in the acceptance number's place), its name, what to bring. */
export interface BusinessType {
  readonly code: string;
  readonly name: string;
  /** What the customer must prepare, printed on the 燃气业务受理通知单. */
  readonly prepare: string;
  readonly active: boolean;
}

/**
 * The built-in catalogue: the handbook's seven (缩短管线, 初装费, 改管线, 换表, 安装热水器, 购气, 开户) and the
 * hall's other business. A 班长 or the administrator changes a type's name, what to prepare or whether it is
 * offered, and adds types; each change is a new version of the type (service_types), never an edit.
 */
export const DEFAULT_BUSINESS_TYPES: readonly BusinessType[] = [
  { code: 'SG', name: '缩短管线', prepare: '户主身份证、房产证明；施工当日家中留人', active: true },
  { code: 'CZ', name: '初装费', prepare: '户主身份证、房产证明、燃气用户登记表', active: true },
  {
    code: 'GG',
    name: '改管线',
    prepare: '户主身份证、房产证明、改管位置说明；施工当日家中留人',
    active: true,
  },
  { code: 'HB', name: '换表', prepare: '燃气卡、户主身份证；换表当日家中留人', active: true },
  {
    code: 'RS',
    name: '安装热水器',
    prepare: '热水器合格证及说明书、户主身份证；安装当日家中留人',
    active: true,
  },
  { code: 'GQ', name: '购气', prepare: '燃气卡', active: true },
  { code: 'KH', name: '开户', prepare: '初装费发票、燃气用户登记表、户主身份证', active: true },
  { code: 'GH', name: '过户', prepare: '新旧户主身份证、房产过户证明、燃气卡', active: true },
  { code: 'TQ', name: '停用/启用', prepare: '户主身份证、燃气卡', active: true },
  { code: 'XH', name: '销户', prepare: '户主身份证、燃气卡、结清气费凭证', active: true },
  { code: 'BX', name: '报修', prepare: '维修当日家中留人，备好灶具、电池、软管', active: true },
  { code: 'ZX', name: '咨询', prepare: '', active: true },
  { code: 'TS', name: '投诉', prepare: '', active: true },
  { code: 'QT', name: '其他', prepare: '', active: true },
];

/** A type's code: two to four capital letters (it stands in the acceptance number). */
export const BUSINESS_TYPE_CODE = /^[A-Z]{2,4}$/;

export const CHANNELS = ['window', 'phone', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_ZH: Record<Channel, string> = { window: '窗口', phone: '电话', visit: '上门' };

/** The documents a clerk may tick as checked on an acceptance (free additions allowed). */
export const COMMON_DOCUMENTS = [
  '户主身份证',
  '房产证明',
  '初装费发票',
  '燃气用户登记表',
  '燃气卡',
  '居民用户安全供用气合同',
] as const;

/** The hall's teams (客服中心设有收费班、巡线班、通气维修班). */
export const TEAMS = ['billing', 'patrol', 'repair'] as const;
export type Team = (typeof TEAMS)[number];
export const TEAM_ZH: Record<Team, string> = { billing: '收费班', patrol: '巡线班', repair: '通气维修班' };

/** Complaint categories, each with the hours within which it must be closed and the team it usually goes to. */
export const COMPLAINT_CATEGORIES = ['safety', 'supply', 'billing', 'service', 'repair', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY: Record<
  ComplaintCategory,
  { readonly zh: string; readonly limitHours: number; readonly team: Team }
> = {
  safety: { zh: '安全隐患（漏气、异味）', limitHours: 4, team: 'repair' },
  supply: { zh: '供气（停气、气压低）', limitHours: 24, team: 'patrol' },
  repair: { zh: '维修质量', limitHours: 72, team: 'repair' },
  billing: { zh: '收费、气价、燃气卡', limitHours: 72, team: 'billing' },
  service: { zh: '服务态度', limitHours: 120, team: 'billing' },
  other: { zh: '其他', limitHours: 168, team: 'billing' },
};

/**
 * The complaint's states: 已登记 → (判定) 成立 / 不成立; 成立 → (转办) 处理中 → (处理结果) 已处理 → (告知结案) 已结案;
 * 不成立 → (婉转解释、告知结案) 已结案. While 处理中 the complaint may be handed to another team and tracked
 * (跟踪记录). A closed complaint is final.
 */
export const COMPLAINT_STATUSES = [
  'recorded',
  'justified',
  'unjustified',
  'handed_over',
  'resolved',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_ZH: Record<ComplaintStatus, string> = {
  recorded: '已登记',
  justified: '成立待转办',
  unjustified: '不成立待答复',
  handed_over: '处理中',
  resolved: '已处理待答复',
  closed: '已结案',
};

export const COMPLAINT_ACTIONS = [
  'judge_justified',
  'judge_unjustified',
  'hand_over',
  'note',
  'resolve',
  'close',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const COMPLAINT_ACTION_ZH: Record<ComplaintAction, string> = {
  judge_justified: '判定成立',
  judge_unjustified: '判定不成立',
  hand_over: '转办',
  note: '跟踪记录',
  resolve: '登记处理结果',
  close: '告知结果并结案',
};

const COMPLAINT_MOVES: Record<
  ComplaintAction,
  { from: readonly ComplaintStatus[]; to: ComplaintStatus | 'same' }
> = {
  judge_justified: { from: ['recorded'], to: 'justified' },
  judge_unjustified: { from: ['recorded'], to: 'unjustified' },
  hand_over: { from: ['justified', 'handed_over'], to: 'handed_over' },
  note: { from: ['recorded', 'justified', 'unjustified', 'handed_over', 'resolved'], to: 'same' },
  resolve: { from: ['handed_over'], to: 'resolved' },
  close: { from: ['unjustified', 'resolved'], to: 'closed' },
};

/** The status after `action`, or null when the move is not allowed from `from`. */
export function nextComplaintStatus(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const m = COMPLAINT_MOVES[action];
  if (!m.from.includes(from)) return null;
  return m.to === 'same' ? from : m.to;
}

export function allowedComplaintActions(from: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => nextComplaintStatus(from, a) !== null);
}

/** Why `action` is refused from `from`, in the clerk's words (null when allowed). */
export function complaintMoveProblem(from: ComplaintStatus, action: ComplaintAction): string | null {
  if (nextComplaintStatus(from, action) !== null) return null;
  if (from === 'closed') return '该投诉已结案，不能再修改；如客户仍不满意，请登记一件新的投诉。';
  const allowed = allowedComplaintActions(from).map((a) => COMPLAINT_ACTION_ZH[a]);
  return `投诉当前为「${COMPLAINT_STATUS_ZH[from]}」，不能${COMPLAINT_ACTION_ZH[action]}；现在可以：${allowed.join('、')}。`;
}

/** When a complaint recorded at `recordedAtMs` in `category` must be closed by (ms). */
export function complaintDueMs(recordedAtMs: number, category: ComplaintCategory): number {
  return recordedAtMs + COMPLAINT_CATEGORY[category].limitHours * 3_600_000;
}

/** Whether a complaint is past its time limit at `nowMs`: not closed and its due time has passed. */
export function complaintOverdue(status: ComplaintStatus, dueAtMs: number, nowMs: number): boolean {
  return status !== 'closed' && nowMs > dueAtMs;
}

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_ZH: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** 回访 outcomes: reached and answered, or not reached (the visit stays due). */
export const FOLLOWUP_OUTCOMES = ['reached', 'unreachable'] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];
export const FOLLOWUP_OUTCOME_ZH: Record<FollowupOutcome, string> = {
  reached: '已回访',
  unreachable: '联系不上',
};

/** How soon after closing a complaint its 回访 is due (hours). */
export const FOLLOWUP_DUE_HOURS = 72;
