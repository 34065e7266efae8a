/**
 * 现金与缴款: each line of the day's cash — the floats apart (they stay in the drawers), what was taken, paid
 * back, put in and taken out, 应缴现金, 已缴款 (of which late), 应有未缴 and the shifts' differences.
 * Runtime: browser.
 */
import { Descriptions } from 'antd';
import type { DayReport } from '../../../core/contract';
import { useT } from '../../i18n';
import { yuan } from '../../shell/money';

export function DayCashLines({ report: r }: { report: DayReport }) {
  const d = useT().day;
  const c = r.cash;
  const late = r.deposits.filter((x) => x.late).reduce((n, x) => n + x.amount, 0);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${yuan(v)}`;
  const lines: [string, string, string][] = [
    ['floats', d.floats, yuan(c.floats)],
    ['cashTaken', d.cashTaken, yuan(c.cashTaken)],
    ['cashRefunded', d.cashRefunded, yuan(c.cashRefunded)],
    ['cashIn', d.cashIn, yuan(c.cashIn)],
    ['cashOut', d.cashOut, yuan(c.cashOut)],
    ['toDeposit', d.toDeposit, yuan(c.toDeposit)],
    [
      'deposited',
      d.deposited,
      late ? `${yuan(r.deposited)}（${d.lateDeposited} ${yuan(late)}）` : yuan(r.deposited),
    ],
    ['undeposited', d.undeposited, yuan(c.undeposited)],
    ['differences', d.differences, signed(c.differences)],
    ['drawersExpected', d.drawersExpected, yuan(r.cashExpected)],
  ];
  return (
    <Descriptions
      className="report-block"
      title={d.cashLines}
      bordered
      size="small"
      column={2}
      data-testid="day-cash-lines"
      items={lines.map(([key, label, value]) => ({
        key,
        label,
        children: <span data-testid={`day-cash-${key}`}>{value}</span>,
      }))}
    />
  );
}
