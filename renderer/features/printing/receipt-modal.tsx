/**
 * A sale's receipt in a dialog: 预览/补打 from 业务记录 (the preview, Enter prints again — the server marks
 * it 重打), or the receipt of a 冲正 / 退款 just done (printed by itself when the counter does so; Enter
 * closes once printed, or prints again after a printer problem). Esc closes. Runtime: browser.
 */
import { Alert, Button, Modal } from 'antd';
import type { Sale } from '../../../core/contract';
import { saleStanding } from '../../../core/domain/cash';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { fmt, useT } from '../../i18n';
import { OfficePrintButtons } from './office-print';
import { autoPrintEnabled } from './print-prefs';
import { usePrintKey } from './print-key';
import { PrintOutcome } from './print-outcome';
import { ReceiptPaper } from './receipt-paper';
import { useReceiptPrint } from './use-receipt-print';

interface Props {
  /** With its corrections (a Sale from the records), the preview says when it was reversed or refunded. */
  sale: { id: string; receiptNo: string } & Partial<
    Pick<Sale, 'kind' | 'status' | 'amountPaid' | 'correctedBy'>
  >;
  /** 'preview': look and reprint; 'result': the receipt of business just done. */
  mode: 'preview' | 'result';
  title?: string;
  children?: ReactNode;
  onClose(): void;
}

/** 已冲正 / 已退款 above the paper, with the correction's receipt number (the paper says it in large type too). */
function StandingNote({ sale }: { sale: Props['sale'] }) {
  const t = useT();
  const { kind, status, amountPaid, correctedBy } = sale;
  if (!kind || !status || amountPaid === undefined || !correctedBy) return null;
  const st = saleStanding({ kind, status, amountPaid, correctedBy });
  if (st.by.length === 0) return null;
  const label = t.saleStandings[st.code];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="receipt-standing"
      title={fmt(t.print.standing, { label, receiptNos: st.by.join('、') })}
    />
  );
}

export function ReceiptModal({ sale, mode, title, children, onClose }: Props) {
  const t = useT();
  const job = useReceiptPrint(sale.id, mode === 'result' && autoPrintEnabled());
  const kind = job.state.kind;
  const printFirst = mode === 'preview' ? kind !== 'printed' : kind === 'idle' || kind === 'failed';
  const printButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  usePrintKey(job.print, true, true);

  useEffect(() => {
    const target = printFirst ? printButton : closeButton;
    const timer = window.setTimeout(() => target.current?.focus());
    return () => window.clearTimeout(timer);
  }, [printFirst]);

  return (
    <Modal
      open
      title={title ?? fmt(t.print.previewTitle, { receiptNo: sale.receiptNo })}
      width={640}
      destroyOnHidden
      onCancel={onClose}
      footer={[
        <OfficePrintButtons key="office" doc={{ kind: 'sale', id: sale.id }} />,
        <Button key="close" ref={closeButton} type={printFirst ? 'default' : 'primary'} onClick={onClose}>
          {printFirst ? t.print.close : t.print.done}
        </Button>,
        <Button
          key="print"
          ref={printButton}
          type={printFirst ? 'primary' : 'default'}
          loading={kind === 'printing'}
          aria-keyshortcuts="Control+P"
          onClick={() => void job.print()}
          data-testid="print-receipt"
        >
          {kind === 'idle' && mode === 'result' ? t.print.receipt : t.print.reprintKey}
        </Button>,
      ]}
    >
      {children}
      <StandingNote sale={sale} />
      <PrintOutcome state={job.state} idleHint={mode === 'result'} />
      <div className="paper-center-box">
        <ReceiptPaper receipt={job.receipt} columns={job.columns} loading={job.previewing && !job.receipt} />
      </div>
    </Modal>
  );
}
