/**
 * The receipt beside a payment's result: how the print went, 打印收据 / 补打 (Ctrl+P), the local 自动打印
 * habit, and the paper itself. With `primary`, its button takes the focus, so Enter prints (nothing printed
 * yet) or prints again (the printer failed). Runtime: browser.
 */
import { Button, Checkbox, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { OfficePrintButtons } from './office-print';
import { useAutoPrint } from './print-prefs';
import { PrintOutcome } from './print-outcome';
import { ReceiptPaper } from './receipt-paper';
import type { ReceiptJob } from './use-receipt-print';

export function ReceiptPrintPanel({
  job,
  saleId,
  primary,
}: {
  job: ReceiptJob;
  saleId: string;
  primary: boolean;
}) {
  const t = useT();
  const [auto, setAuto] = useAutoPrint();
  const button = useRef<HTMLButtonElement>(null);
  const { state } = job;

  useEffect(() => {
    if (primary) button.current?.focus();
  }, [primary]);

  return (
    <section className="print-panel" aria-label={t.print.paper}>
      <PrintOutcome state={state} idleHint />
      <Space wrap className="print-actions">
        <Button
          ref={button}
          type={primary ? 'primary' : 'default'}
          loading={state.kind === 'printing'}
          aria-keyshortcuts="Control+P"
          onClick={() => void job.print()}
          data-testid="print-receipt"
        >
          {state.kind === 'idle' ? t.print.receipt : t.print.reprintKey}
        </Button>
        <Checkbox checked={auto} onChange={(e) => setAuto(e.target.checked)}>
          {t.print.autoPrint}
        </Checkbox>
        <OfficePrintButtons doc={{ kind: 'sale', id: saleId }} />
      </Space>
      <ReceiptPaper receipt={job.receipt} columns={job.columns} loading={job.previewing && !job.receipt} />
    </section>
  );
}
