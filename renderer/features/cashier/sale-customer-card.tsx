/** The customer being served: who, where, class, status, safety inspection (warned) and balance. */
import { Alert, Button, Card, Descriptions, type DescriptionsProps } from 'antd';
import type { Customer } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { yuan } from '../../shell/money';
import { StatusTag } from '../customers/status-tag';
import { balanceView } from './balance-model';

interface Props {
  customer: Customer;
  balance: number | undefined;
  onChange(): void;
  /** The 购气 screen warns about inspection and status; the fee screen only shows who. */
  warnings?: boolean;
}

export function SaleCustomerCard({ customer: c, balance, onChange, warnings = true }: Props) {
  const t = useT();
  const inspection = c.inspection.status;
  const b = balance === undefined ? undefined : balanceView(balance);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t.fields.name, children: <strong>{c.name}</strong> },
    { key: 'accountNo', label: t.fields.accountNo, children: <span className="mono">{c.accountNo}</span> },
    { key: 'userClass', label: t.fields.userClass, children: t.userClasses[c.userClass] },
    { key: 'address', label: t.fields.address, span: 2, children: c.fullAddress },
    { key: 'status', label: t.fields.status, children: <StatusTag status={c.status} /> },
    {
      key: 'inspection',
      label: t.fields.inspectionStatus,
      children: (
        <span className={inspection === 'normal' ? undefined : 'text-warn'}>
          {t.inspectionStatuses[inspection]}
        </span>
      ),
    },
    {
      key: 'balance',
      label: b?.owed ? t.sale.owed : t.sale.balance,
      children: (
        <strong data-testid="customer-balance" className={b?.owed ? 'text-warn' : undefined}>
          {b === undefined ? t.common.none : yuan(b.amount)}
        </strong>
      ),
    },
  ];
  return (
    <Card
      size="small"
      className="form-section"
      title={t.sale.customerTitle}
      extra={
        <Button size="small" onClick={onChange} aria-keyshortcuts="Escape">
          {t.sale.chooseOther}
        </Button>
      }
    >
      <Descriptions size="small" column={3} items={items} />
      {warnings && c.status !== 'active' && (
        <Alert
          type="error"
          showIcon
          className="card-alert"
          title={fmt(t.sale.notActive, { status: t.customerStatuses[c.status] })}
        />
      )}
      {warnings && b?.owed && (
        <Alert
          type="warning"
          showIcon
          className="card-alert"
          title={fmt(t.sale.owedWarn, { amount: yuan(b.amount) })}
        />
      )}
      {warnings && inspection !== 'normal' && (
        <Alert
          type="warning"
          showIcon
          className="card-alert"
          title={fmt(t.sale.inspectionWarn, { status: t.inspectionStatuses[inspection] })}
        />
      )}
    </Card>
  );
}
