/**
 * 日报 tables: by user class, tier, tender, operator, business, fees, counts, shifts (with 代为交班 for the
 * shifts in `closable`), deposits (补录 ones marked, with when they were recorded).
 */
import { Button, Col, Descriptions, Row, Table, type TableColumnsType, Tag } from 'antd';
import type { DayReport } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { m3, yuan } from '../../shell/money';

type R = DayReport;

function Block<T extends object>(props: {
  title: string;
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  rows: T[];
  testId?: string;
}) {
  const t = useT();
  return (
    <div data-testid={props.testId} className="report-block">
      <Table<T>
        title={() => <strong>{props.title}</strong>}
        size="small"
        rowKey={props.rowKey}
        columns={props.columns}
        dataSource={props.rows}
        pagination={false}
        locale={{ emptyText: t.day.empty }}
      />
    </div>
  );
}

export function DayReportTables({
  report: r,
  closable,
  onCloseFor,
}: {
  report: R;
  closable?: ReadonlySet<string>;
  onCloseFor?(shiftId: string): void;
}) {
  const t = useT();
  const d = t.day;
  const money = (v: number) => yuan(v);
  const vol = (v: number) => m3(v);
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Block<R['byUserClass'][number]>
            title={d.byUserClass}
            testId="day-by-class"
            rowKey="userClass"
            rows={r.byUserClass}
            columns={[
              {
                title: d.userClass,
                dataIndex: 'userClass',
                render: (c: R['byUserClass'][number]['userClass']) => t.userClasses[c],
              },
              { title: d.count, dataIndex: 'count', align: 'right' },
              { title: d.volume, dataIndex: 'volume', align: 'right', render: vol },
              { title: d.amount, dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col span={12}>
          <Block<R['byTier'][number]>
            title={d.byTier}
            testId="day-by-tier"
            rowKey="tier"
            rows={r.byTier}
            columns={[
              { title: d.tier, dataIndex: 'tier', render: (n: number) => fmt(t.sale.tierN, { n }) },
              { title: d.volume, dataIndex: 'volume', align: 'right', render: vol },
              { title: d.amount, dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col span={12}>
          <Block<R['byTender'][number]>
            title={d.byTender}
            testId="day-by-tender"
            rowKey="method"
            rows={r.byTender}
            columns={[
              {
                title: t.tender.method,
                dataIndex: 'method',
                render: (m: R['byTender'][number]['method']) => t.tenderMethods[m],
              },
              { title: d.count, dataIndex: 'count', align: 'right' },
              { title: d.taken, dataIndex: 'taken', align: 'right', render: money },
              { title: d.refunded, dataIndex: 'refunded', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col span={12}>
          <Block<R['byOperator'][number]>
            title={d.byOperator}
            testId="day-by-operator"
            rowKey="operatorId"
            rows={r.byOperator}
            columns={[
              { title: d.operator, dataIndex: 'displayName' },
              { title: d.count, dataIndex: 'count', align: 'right' },
              { title: d.taken, dataIndex: 'taken', align: 'right', render: money },
              { title: d.refunded, dataIndex: 'refunded', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col span={12}>
          <Block<R['byKind'][number]>
            title={d.byKind}
            testId="day-by-kind"
            rowKey="kind"
            rows={r.byKind}
            columns={[
              {
                title: t.shift.kind,
                dataIndex: 'kind',
                render: (k: R['byKind'][number]['kind']) => t.saleKinds[k],
              },
              { title: d.count, dataIndex: 'count', align: 'right' },
              { title: d.volume, dataIndex: 'volume', align: 'right', render: vol },
              { title: d.amount, dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col span={12}>
          <Block<R['fees'][number]>
            title={d.fees}
            testId="day-fees"
            rowKey="name"
            rows={r.fees}
            columns={[
              { title: d.name, dataIndex: 'name' },
              { title: d.qty, dataIndex: 'qty', align: 'right' },
              { title: d.amount, dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </Col>
      </Row>
      <Descriptions
        className="report-block"
        title={d.counts}
        bordered
        size="small"
        column={5}
        items={(['sales', 'reversals', 'refunds', 'reprints', 'newAccounts'] as const).map((k) => ({
          key: k,
          label: d[k],
          children: <span data-testid={`day-count-${k}`}>{r.counts[k]}</span>,
        }))}
      />
      <Block<R['shifts'][number]>
        title={d.shifts}
        testId="day-shifts"
        rowKey="id"
        rows={r.shifts}
        columns={[
          { title: d.operator, dataIndex: 'operator' },
          {
            title: d.status,
            dataIndex: 'status',
            render: (s: 'open' | 'closed') => (
              <Tag color={s === 'open' ? 'orange' : 'green'}>{t.shift.status[s]}</Tag>
            ),
          },
          {
            title: d.expected,
            dataIndex: 'expected',
            align: 'right',
            render: (v: number | null) => (v === null ? t.common.none : money(v)),
          },
          {
            title: d.counted,
            dataIndex: 'counted',
            align: 'right',
            render: (v: number | null) => (v === null ? t.common.none : money(v)),
          },
          {
            title: d.difference,
            dataIndex: 'difference',
            align: 'right',
            render: (v: number | null) => (v === null ? t.common.none : money(v)),
          },
          {
            title: '',
            key: 'closeFor',
            render: (_v, s) =>
              closable?.has(s.id) && onCloseFor ? (
                <Button size="small" danger onClick={() => onCloseFor(s.id)}>
                  {t.shift.closeFor}
                </Button>
              ) : null,
          },
        ]}
      />
      <Block<R['deposits'][number]>
        title={d.deposits}
        testId="day-deposits"
        rowKey="reference"
        rows={r.deposits}
        columns={[
          {
            title: d.at,
            dataIndex: 'at',
            render: (v: string, x) =>
              x.late ? (
                <span data-testid="deposit-late">
                  <Tag color="orange">{d.late}</Tag>
                  {fmt(d.recordedAt, { at: formatDateTime(v) })}
                </span>
              ) : (
                formatDateTime(v)
              ),
          },
          { title: d.bank, dataIndex: 'bank' },
          { title: d.reference, dataIndex: 'reference' },
          { title: d.amount, dataIndex: 'amount', align: 'right', render: money },
        ]}
      />
    </>
  );
}
