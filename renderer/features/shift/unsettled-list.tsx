/**
 * 已收款未写卡 on the shift and day reports: the paid gas sales whose gas is not on a card — count, amount and
 * each receipt — so they are written or refunded before the handover and the 日结. Runtime: browser.
 */
import { Alert, Table, type TableColumnsType } from 'antd';
import type { Unsettled } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { yuan } from '../../shell/money';

type Row = Unsettled['sales'][number];

export function UnsettledList({ unsettled }: { unsettled: Unsettled }) {
  const t = useT();
  if (unsettled.count === 0)
    return (
      <Alert
        type="success"
        showIcon
        className="form-alert"
        data-testid="report-unsettled"
        title={t.cardWrite.reportNone}
      />
    );
  const columns: TableColumnsType<Row> = [
    { title: t.cardWrite.reportReceipt, dataIndex: 'receiptNo', className: 'mono' },
    {
      title: t.cardWrite.reportCustomer,
      dataIndex: 'customerName',
      render: (v: string | null) => v ?? t.common.none,
    },
    {
      title: t.cardWrite.reportStatus,
      dataIndex: 'status',
      render: (s: Row['status']) => t.saleStatuses[s],
    },
    { title: t.cardWrite.reportAmount, dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
  ];
  return (
    <div data-testid="report-unsettled">
      <Alert
        type="warning"
        showIcon
        className="form-alert"
        title={`${t.cardWrite.report}：${fmt(t.cardWrite.reportSummary, {
          n: unsettled.count,
          amount: yuan(unsettled.amount),
        })}`}
      />
      <Table<Row>
        size="small"
        rowKey="saleId"
        columns={columns}
        dataSource={unsettled.sales}
        pagination={false}
      />
    </div>
  );
}
