/**
 * 打印交班报表 / 打印日报: one button (with its spinner) and how the print went; a printer problem turns the
 * button into 补打. Runtime: browser.
 */
import { Button } from 'antd';
import { useCallback, useRef } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useSettledFocus } from '../../shell/settled-focus';
import { usePrintRunner } from './use-receipt-print';

export type ReportTarget = { kind: 'shift'; shiftId: string } | { kind: 'day'; businessDate: string };

export function useReportPrint(target: ReportTarget) {
  const key = target.kind === 'shift' ? target.shiftId : target.businessDate;
  const run = useCallback(
    () =>
      target.kind === 'shift'
        ? api['receipts.printShift']({ shiftId: key })
        : api['receipts.printDay']({ businessDate: key }),
    [target.kind, key],
  );
  return usePrintRunner(run);
}

type Job = ReturnType<typeof useReportPrint>;

export function ReportPrintButton({
  job,
  label,
  primary = false,
  autoFocus = false,
}: {
  job: Job;
  label: string;
  primary?: boolean;
  autoFocus?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLButtonElement>(null);
  // Shown once a question (确认交班) is answered: the closing dialog may leave the focus nowhere.
  useSettledFocus(ref, autoFocus);
  return (
    <Button
      ref={ref}
      type={primary ? 'primary' : 'default'}
      autoFocus={autoFocus}
      loading={job.state.kind === 'printing'}
      onClick={() => void job.print()}
      data-testid="print-report"
    >
      {job.state.kind === 'failed' ? t.print.reprint : label}
    </Button>
  );
}
