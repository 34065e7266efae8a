/**
 * 安检 (safety inspections): a household inspected on a day by an inspector, the items checked, the hazards
 * found and the deadline to rectify them. A hazard not yet rectified keeps the 需班长审批 flag on the
 * household's purchases; its rectification is a new entry, once. A household not inspected within the period
 * is overdue. Source: the hall handbook (../shared/seed/), 安全宣传 and 入户安检. Runtime: any.
 */

/** What an inspector checks in a household. */
export const INSPECTION_ITEMS = [
  'pipe',
  'valve',
  'hose',
  'cooker',
  'heater',
  'meter',
  'ventilation',
  'alarm',
] as const;
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];
export const INSPECTION_ITEM_ZH: Record<InspectionItem, string> = {
  pipe: '户内管道',
  valve: '阀门',
  hose: '胶管（软管）',
  cooker: '灶具',
  heater: '热水器',
  meter: '燃气表',
  ventilation: '通风',
  alarm: '燃气报警器',
};

/** How the visit ended: the household's inspection status (core/domain/customer.ts uses the same codes). */
export const INSPECTION_RESULTS = ['normal', 'hazard', 'nobody_home', 'refused'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Days after which a household not inspected is overdue (the default until the hall sets its own). */
export const DEFAULT_INSPECTION_PERIOD_DAYS = 365;

/** The notice's standing text (隐患整改通知书). */
export const HAZARD_NOTICE_TEXT = [
  '经入户安全检查，您家中的燃气设施存在上列安全隐患。',
  '请在整改期限内完成整改，整改后请致电或到营业厅告知，我们将上门复查。',
  '隐患整改前，购气须经班长审批。',
  '如闻到燃气异味，请立即关闭阀门、开窗通风，勿开关电器、勿动明火，到室外拨打抢修电话。',
] as const;

/** The day `days` after `date` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
