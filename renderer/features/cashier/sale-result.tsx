/**
 * After the payment: receipt and invoice numbers, what was paid and the change, and — for gas — whether the
 * card took it (CardWriteResult); beside it the receipt, printed by itself (unless the counter turned that
 * off) and shown as paper. Enter does the next thing: writes or reads the card when that needs attention,
 * prints (or, after a printer problem, prints again), otherwise serves the next customer. Esc always serves
 * the next customer; Ctrl+P prints again. Runtime: browser.
 */
import { Alert, Button, Col, Descriptions, type DescriptionsProps, Result, Row } from 'antd';
import { useEffect, useRef } from 'react';
import type { Sale } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { m3, yuan } from '../../shell/money';
import { useAutoPrint } from '../printing/print-prefs';
import { usePrintKey } from '../printing/print-key';
import { ReceiptPrintPanel } from '../printing/receipt-print-panel';
import { useReceiptPrint } from '../printing/use-receipt-print';
import { CardWriteResult, useWriteStatusText } from './card-write-result';

interface Props {
  sale: Sale;
  onNext(): void;
  /** The sale after 重新写卡 or 读卡确认. */
  onSaleChange?(sale: Sale): void;
}

export function SaleResult({ sale, onNext, onSaleChange }: Props) {
  const t = useT();
  const statusText = useWriteStatusText();
  const [autoPrint] = useAutoPrint();
  // A gas sale whose gas is not on the card prints its 待写卡 slip; its receipt prints once the card is written.
  const job = useReceiptPrint(
    sale.id,
    autoPrint,
    sale.kind === 'gas' && sale.status !== 'completed' ? 'slip' : 'receipt',
  );
  usePrintKey(job.print);
  const change = sale.tenders.reduce((sum, x) => sum + x.change, 0);
  const gas = sale.kind === 'gas';
  const status = statusText(sale);
  const settled = !gas || sale.status === 'completed';
  const printFirst = settled && (job.state.kind === 'idle' || job.state.kind === 'failed');
  // Once the card is written and the receipt printed, Enter serves the next customer.
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (settled && !printFirst) nextButton.current?.focus();
  }, [settled, printFirst]);
  // The sale screen may have been scrolled down to the tenders: the result starts at its top.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    top.current?.closest('.app-content')?.scrollTo({ top: 0 });
  }, []);
  const items: DescriptionsProps['items'] = [
    {
      key: 'receipt',
      label: t.result.receiptNo,
      children: (
        <span className="mono" data-testid="receipt-no">
          {sale.receiptNo}
        </span>
      ),
    },
    {
      key: 'invoice',
      label: t.result.invoiceNo,
      children: <span data-testid="invoice-no">{sale.invoiceNo ?? t.result.noInvoice}</span>,
    },
    {
      key: 'customer',
      label: t.result.customer,
      children: sale.customer
        ? fmt(t.result.customerLine, { name: sale.customer.name, accountNo: sale.customer.accountNo })
        : t.fees.noCustomer,
    },
    ...(gas ? [{ key: 'volume', label: t.result.volume, children: m3(sale.volume) }] : []),
    { key: 'amount', label: t.result.amount, children: yuan(sale.amount) },
    {
      key: 'tenders',
      label: t.tender.title,
      children: sale.tenders
        .map(
          (x) => `${t.tenderMethods[x.method]} ${yuan(x.amount)}${x.reference ? `（${x.reference}）` : ''}`,
        )
        .join(t.common.listSep),
    },
    { key: 'status', label: t.result.status, children: <strong data-testid="sale-status">{status}</strong> },
  ];
  return (
    <div ref={top}>
      <Result
        status={settled ? 'success' : 'warning'}
        title={t.result.title}
        className="sale-result"
        extra={
          <Button
            ref={nextButton}
            type={settled && !printFirst ? 'primary' : 'default'}
            size="large"
            autoFocus={settled && !printFirst}
            aria-keyshortcuts="Escape"
            onClick={onNext}
          >
            {gas ? t.result.next : t.result.nextFee}
          </Button>
        }
      >
        <Row gutter={24} wrap={false}>
          <Col flex="auto">
            <div className="result-figures">
              <BigAmount label={t.result.paid} fen={sale.amountPaid} capitals testId="result-paid" />
              <BigAmount label={t.result.change} fen={change} tone="good" testId="result-change" />
            </div>
            <Descriptions bordered size="small" column={1} items={items} />
            {gas && <CardWriteResult sale={sale} onSaleChange={(s) => onSaleChange?.(s)} />}
            {sale.balanceAdded > 0 && (
              <Alert
                type="success"
                showIcon
                className="card-alert"
                title={fmt(t.result.balanceAdded, { amount: yuan(sale.balanceAdded) })}
              />
            )}
          </Col>
          <Col flex="none">
            <ReceiptPrintPanel job={job} saleId={sale.id} primary={printFirst} />
          </Col>
        </Row>
      </Result>
    </div>
  );
}
