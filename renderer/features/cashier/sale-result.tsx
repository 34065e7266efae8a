/**
 * After the payment: receipt and invoice numbers, what was paid and the change, and — for gas — the
 * polite 等待写卡 explanation. Enter (on the focused button) serves the next customer. Runtime: browser.
 */
import { Alert, Button, Descriptions, type DescriptionsProps, Result } from 'antd';
import type { Sale } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { m3, yuan } from '../../shell/money';

export function SaleResult({ sale, onNext }: { sale: Sale; onNext(): void }) {
  const t = useT();
  const change = sale.tenders.reduce((sum, x) => sum + x.change, 0);
  const gas = sale.kind === 'gas';
  const status = sale.status === 'pending_card_write' ? t.result.pendingCard : t.saleStatuses[sale.status];
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
      status="success"
      title={t.result.title}
      className="sale-result"
      extra={
        <Button type="primary" size="large" autoFocus onClick={onNext}>
          {gas ? t.result.next : t.result.nextFee}
        </Button>
      }
    >
      <div className="result-figures">
        <BigAmount label={t.result.paid} fen={sale.amountPaid} testId="result-paid" />
        <BigAmount label={t.result.change} fen={change} tone="good" testId="result-change" />
      </div>
      <Descriptions bordered size="small" column={2} items={items} />
      {gas && sale.status === 'pending_card_write' && (
        <Alert type="info" showIcon className="card-alert" title={t.result.pendingCardHint} />
      )}
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
