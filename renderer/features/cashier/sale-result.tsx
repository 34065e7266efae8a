/**
 * After the payment: receipt and invoice numbers, what was paid and the change, and — for gas — whether the
 * card took it (CardWriteResult). Enter (on the focused button) serves the next customer, or, when the card
 * write needs attention, writes or reads the card again. Runtime: browser.
 */
import { Alert, Button, Descriptions, type DescriptionsProps, Result } from 'antd';
import { useEffect, useRef } from 'react';
import type { Sale } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { m3, yuan } from '../../shell/money';
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
  const change = sale.tenders.reduce((sum, x) => sum + x.change, 0);
  const gas = sale.kind === 'gas';
  const status = statusText(sale);
  const settled = !gas || sale.status === 'completed';
  // Once the card is written (after 重新写卡 or 读卡确认), Enter serves the next customer again.
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (settled) nextButton.current?.focus();
  }, [settled]);
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
    <Result
      status={settled ? 'success' : 'warning'}
      title={t.result.title}
      className="sale-result"
      extra={
        <Button
          ref={nextButton}
          type={settled ? 'primary' : 'default'}
          size="large"
          autoFocus={settled}
          onClick={onNext}
        >
          {gas ? t.result.next : t.result.nextFee}
        </Button>
      }
    >
      <div className="result-figures">
        <BigAmount label={t.result.paid} fen={sale.amountPaid} testId="result-paid" />
        <BigAmount label={t.result.change} fen={change} tone="good" testId="result-change" />
      </div>
      <Descriptions bordered size="small" column={2} items={items} />
      {gas && <CardWriteResult sale={sale} onSaleChange={(s) => onSaleChange?.(s)} />}
      {sale.balanceAdded > 0 && (
        <Alert
          type="success"
          showIcon
          className="card-alert"
          title={fmt(t.result.balanceAdded, { amount: yuan(sale.balanceAdded) })}
        />
      )}
    </Result>
  );
}
