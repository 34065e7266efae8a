/**
 * 交班报表 on screen: the shift (who closed it when not its operator, who approved its difference), the cash
 * figures, by business, by tender, the paid purchases whose gas is not on a card, cash in / out.
 * Runtime: browser.
 */
import { Card, Col, Descriptions, Row, Table, type TableColumnsType, Tag } from 'antd';
import type { ShiftReport } from '../../../core/contract';
import { useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { formatDateTime } from '../../shell/format';
import { m3, yuan } from '../../shell/money';
import { UnsettledList } from './unsettled-list';

type KindRow = ShiftReport['byKind'][number];
type TenderRow = ShiftReport['byTender'][number];
type Movement = ShiftReport['movements'][number];

export function ShiftReportView({ report, title }: { report: ShiftReport; title: string }) {
  const t = useT();
  const s = report.shift;
  const c = report.cash;
  const closed = s.status === 'closed';
  const kindColumns: TableColumnsType<KindRow> = [
    { title: t.shift.kind, dataIndex: 'kind', render: (k: KindRow['kind']) => t.saleKinds[k] },
    { title: t.shift.count, dataIndex: 'count', align: 'right' },
    {
      title: t.shift.volume,
      dataIndex: 'volume',
      align: 'right',
      render: (v: number) => (v ? m3(v) : t.common.none),
    },
    { title: t.shift.amount, dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
  ];
  const tenderColumns: TableColumnsType<TenderRow> = [
    { title: t.shift.method, dataIndex: 'method', render: (m: TenderRow['method']) => t.tenderMethods[m] },
    { title: t.shift.count, dataIndex: 'count', align: 'right' },
    { title: t.shift.taken, dataIndex: 'taken', align: 'right', render: (v: number) => yuan(v) },
    { title: t.shift.refunded, dataIndex: 'refunded', align: 'right', render: (v: number) => yuan(v) },
  ];
  const movementColumns: TableColumnsType<Movement> = [
    { title: t.shift.at, dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    { title: t.shift.kind, dataIndex: 'kind', render: (k: Movement['kind']) => t.shift.movementKinds[k] },
    { title: t.shift.amount, dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
    { title: t.shift.reason, dataIndex: 'reason' },
  ];
  return (
    <Card size="small" className="form-section" title={title} data-testid="shift-report">
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: 'op', label: t.shift.operator, children: s.operator.displayName },
          { key: 'date', label: t.shift.businessDate, children: s.businessDate },
          { key: 'opened', label: t.shift.openedAt, children: formatDateTime(s.openedAt) },
          {
            key: 'status',
            label: closed ? t.shift.closedAt : t.day.status,
            children: closed ? formatDateTime(s.closedAt) : <Tag color="green">{t.shift.status.open}</Tag>,
          },
          ...(s.closedBy && s.closedBy.id !== s.operator.id
            ? [{ key: 'closer', label: t.shift.closedBy, children: s.closedBy.displayName }]
            : []),
          ...(s.approvedBy
            ? [{ key: 'approver', label: t.shift.approvedBy, children: s.approvedBy.displayName }]
            : []),
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={3}
        title={t.shift.cash}
        items={[
          { key: 'float', label: t.shift.floatLabel, children: yuan(c.float) },
          { key: 'taken', label: t.shift.cashTaken, children: yuan(c.cashTaken) },
          { key: 'refunded', label: t.shift.cashRefunded, children: yuan(c.cashRefunded) },
          { key: 'in', label: t.shift.cashIn, children: yuan(c.cashIn) },
          { key: 'out', label: t.shift.cashOut, children: yuan(c.cashOut) },
          { key: 'expected', label: t.shift.expected, children: <strong>{yuan(c.expected)}</strong> },
        ]}
      />
      {closed && s.counted !== null && s.difference !== null && (
        <div className="result-figures">
          <BigAmount label={t.day.expected} fen={s.expected ?? c.expected} />
          <BigAmount label={t.day.counted} fen={s.counted} />
          <BigAmount
            label={t.shift.difference}
            fen={s.difference}
            tone={s.difference === 0 ? 'good' : 'bad'}
            testId="shift-difference"
          />
        </div>
      )}
      {closed && s.note && (
        <Descriptions size="small" items={[{ key: 'note', label: t.shift.note, children: s.note }]} />
      )}
      <Row gutter={16} className="report-tables">
        <Col span={12}>
          <Table<KindRow>
            title={() => t.shift.byKind}
            size="small"
            rowKey="kind"
            columns={kindColumns}
            dataSource={report.byKind}
            pagination={false}
          />
        </Col>
        <Col span={12}>
          <Table<TenderRow>
            title={() => t.shift.byTender}
            size="small"
            rowKey="method"
            columns={tenderColumns}
            dataSource={report.byTender}
            pagination={false}
          />
        </Col>
      </Row>
      <UnsettledList unsettled={report.unsettled} />
      <Table<Movement>
        title={() => t.shift.movements}
        size="small"
        rowKey={(m) => `${m.at}-${m.kind}-${m.amount}`}
        columns={movementColumns}
        dataSource={report.movements}
        pagination={false}
        locale={{ emptyText: t.shift.noMovements }}
      />
    </Card>
  );
}
