/** The meter readings the customer's cards brought back (newest first), alarms highlighted. Runtime: browser. */
import { Table, type TableColumnsType, Typography } from 'antd';
import type { OpOutput } from '../../../core/contract';
import { useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { m3 } from '../../shell/money';
import { MeterAlarms } from './meter-alarms';

type Reading = OpOutput<'cards.list'>['readings'][number];

export function ReadingsTable({ readings }: { readings: Reading[] }) {
  const t = useT();
  const columns: TableColumnsType<Reading> = [
    { title: t.cardSection.readAt, dataIndex: 'readAt', render: (v: string) => formatDateTime(v) },
    {
      title: t.cardRead.cardNo,
      dataIndex: 'cardNo',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t.cardRead.meterNo, dataIndex: 'meterNo' },
    { title: t.cardRead.loadedCount, dataIndex: 'loadedCount', align: 'right' },
    { title: t.cardRead.remaining, dataIndex: 'remaining', align: 'right', render: (v: number) => m3(v) },
    {
      title: t.cardRead.cumulativeUsed,
      dataIndex: 'cumulativeUsed',
      align: 'right',
      render: (v: number) => m3(v),
    },
    { title: t.cardRead.meterStatus, render: (_v, r) => <MeterAlarms status={r.status} /> },
  ];
  return (
    <div data-testid="meter-readings">
      <Typography.Title level={5} className="quote-subtitle">
        {t.cardSection.readings}
      </Typography.Title>
      <Table<Reading>
        size="small"
        rowKey={(r) => `${r.cardNo}-${r.readAt}-${r.loadedCount}-${r.cumulativeUsed}`}
        columns={columns}
        dataSource={readings}
        pagination={readings.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t.cardSection.noReadings }}
      />
    </div>
  );
}
