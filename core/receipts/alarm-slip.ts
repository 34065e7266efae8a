/**
 * 安全提示单: the slip printed when a card read shows a meter alarm — the household, the meter, each alarm
 * with what to do, the standing safety lines and the company hotline. Runtime: any.
 */
import { ALARM_ADVICE, ALARM_SLIP_TEXT, type MeterAlarm, type Publicity } from '../domain/publicity';
import type { Block, ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';

export const ALARM_SLIP_TITLE = '安全提示单';

export interface AlarmSlipData {
  name: string | null;
  accountNo: string | null;
  meterNo: string;
  alarms: readonly MeterAlarm[];
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
    { t: 'rule' },
    ...ALARM_SLIP_TEXT.map((text): Block => ({ t: 'text', text })),
    ...(p.notice ? [{ t: 'text', text: p.notice } as Block] : []),
    ...(p.hotline ? [{ t: 'row', left: '服务热线', right: p.hotline } as Block] : []),
    { t: 'row', left: '时间', right: printedAt },
    { t: 'cut' },
  ];
  return { columns, blocks };
}
