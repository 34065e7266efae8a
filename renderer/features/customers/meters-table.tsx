/** The household's meters. Runtime: browser. */
import { Table, type TableColumnsType, Tag } from 'antd';
import type { Customer } from '../../../core/contract';
import { useT } from '../../i18n';

type Meter = Customer['meters'][number];

export function MetersTable({ meters }: { meters: Meter[] }) {
  const t = useT();
  const columns: TableColumnsType<Meter> = [
    { title: t.meter.meterNo, dataIndex: 'meterNo' },
    { title: t.meter.maker, dataIndex: 'maker' },
    { title: t.meter.model, dataIndex: 'model' },
    { title: t.meter.cardType, dataIndex: 'cardType' },
    {
      title: t.meter.installedOn,
      dataIndex: 'installedOn',
      render: (v: string | null) => v ?? t.common.none,
    },
    {
      title: t.meter.status,
      dataIndex: 'status',
      render: (v: Meter['status']) => <Tag color={v === 'active' ? 'green' : 'default'}>{t.meter[v]}</Tag>,
    },
  ];
  return (
    <Table<Meter>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={meters}
      pagination={false}
      locale={{ emptyText: t.meter.none }}
    />
  );
}
