/**
 * 安全提示单: the slip printed when a card read shows a meter alarm or the meter's data is wrong (a write-back
 * out of range or going backwards) — the household, the meter, each alarm with what to do, each fault as read, the standing safety lines and the company hotline. Runtime: any.
 */
import { ALARM_ADVICE, ALARM_SLIP_TEXT, type MeterAlarm, type Publicity } from '../domain/publicity';
import type { Block, ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';

export const ALARM_SLIP_TITLE = '安全提示单';

/** What the household is told when the meter's data is wrong. */
export const FAULT_ADVICE =
  '表具数据异常，可能是表具故障或被拆动。请勿自行拆修表具，我公司将安排通气维修班上门核查；如闻到燃气味，请立即关阀、开窗并拨打服务热线。';

export interface AlarmSlipData {
  name: string | null;
  accountNo: string | null;
  meterNo: string;
  alarms: readonly MeterAlarm[];
  /** The write-back's faults, in Chinese (cards.read meterFaults). */
  faults?: readonly string[];
}

export function alarmSlipDoc(
  d: AlarmSlipData,
  h: ReceiptHeader,
  p: Publicity,
  printedAt: string,
  columns: 32 | 48,
): ReceiptDoc {
  const blocks: Block[] = [
    { t: 'text', text: h.company, align: 'center', bold: true },
    { t: 'text', text: ALARM_SLIP_TITLE, align: 'center', bold: true, size: 2 },
    { t: 'text', text: `${h.hall} ${h.counter}`, align: 'center' },
    { t: 'rule' },
    ...(d.name ? [{ t: 'row', left: '用户', right: d.name } as Block] : []),
    ...(d.accountNo ? [{ t: 'row', left: '用户编号', right: d.accountNo } as Block] : []),
    { t: 'row', left: '表号', right: d.meterNo },
    { t: 'rule' },
    ...d.alarms.flatMap((a, n): Block[] => [
      { t: 'text', text: `${n + 1}. ${ALARM_ADVICE[a].zh}`, bold: true },
      { t: 'text', text: `  ${ALARM_ADVICE[a].advice}` },
    ]),
    ...(d.faults?.length
      ? [
          { t: 'text', text: '表具数据异常', bold: true } as Block,
          ...d.faults.map((f): Block => ({ t: 'text', text: `· ${f}` })),
          { t: 'text', text: `  ${FAULT_ADVICE}` } as Block,
        ]
      : []),
    { t: 'rule' },
    ...ALARM_SLIP_TEXT.map((text): Block => ({ t: 'text', text })),
    ...(p.notice ? [{ t: 'text', text: p.notice } as Block] : []),
    ...(p.hotline ? [{ t: 'row', left: '服务热线', right: p.hotline } as Block] : []),
    { t: 'row', left: '时间', right: printedAt },
    { t: 'cut' },
  ];
  return { columns, blocks };
}
