/**
 * 安全宣传 (safety publicity): the company's safety notice and service hotline, printed on every receipt once
 * set (empty until the company sets them: a receipt never shows a made-up number), and what a household is told
 * when a card read shows a meter alarm. Source: the hall handbook (../shared/seed/), 安全宣传. Runtime: any.
 */

export interface Publicity {
  /** 服务热线 (or 抢修电话), as printed. */
  hotline: string;
  /** One or two sentences printed at the foot of every receipt. */
  notice: string;
}

export const NO_PUBLICITY: Publicity = { hotline: '', notice: '' };

/** A meter alarm seen on a card read, and what the slip tells the household to do. */
export const ALARM_ADVICE = {
  lowBattery: {
    zh: '表具电池电量低',
    advice: '请尽快更换表具电池（更换时先关闭表前阀），电量耗尽时表具会关阀停气。',
  },
  valveClosed: {
    zh: '表具阀门关闭',
    advice: '表具已关阀：请检查是否欠费或有报警，复位后仍不开阀请致电我们上门处理。',
  },
  tamper: { zh: '表具被拆动', advice: '表具显示曾被拆动：请勿自行拆改燃气表和管道，我们将安排上门检查。' },
  leakAlarm: {
    zh: '燃气泄漏报警',
    advice: '表具曾报燃气泄漏：请立即关闭阀门、开窗通风，勿开关电器、勿动明火，到室外拨打抢修电话。',
  },
} as const;
export type MeterAlarm = keyof typeof ALARM_ADVICE;
export const METER_ALARMS = Object.keys(ALARM_ADVICE) as MeterAlarm[];

/** The standing lines of the alarm slip (安全提示单). */
export const ALARM_SLIP_TEXT = [
  '燃气设施请勿私自拆改、包封；使用燃气时请保持通风，人离火灭。',
  '如闻到燃气异味，请立即关闭阀门、开窗通风，到室外拨打抢修电话。',
] as const;
