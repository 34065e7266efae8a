/** Search results: one row per household; the highlighted row follows ↑ ↓. Runtime: browser. */
import { Table, type TableColumnsType } from 'antd';
import type { CustomerSummary } from '../../../core/contract';
import { useT } from '../../i18n';
import { StatusTag } from './status-tag';

interface Props {
  items: CustomerSummary[];
  active: number | null;
  onOpen(item: CustomerSummary): void;
}

export function ResultsTable({ items, active, onOpen }: Props) {
  const t = useT();
  const columns: TableColumnsType<CustomerSummary> = [
    { title: t.fields.accountNo, dataIndex: 'accountNo', width: 140 },
    { title: t.fields.name, dataIndex: 'name', width: 110 },
    {
      title: t.fields.idNumberMasked,
      dataIndex: 'idNumberMasked',
      width: 190,
      render: (v: string | null) => v ?? t.common.none,
    },
    { title: t.fields.phone, dataIndex: 'phone', width: 130 },
    { title: t.fields.address, dataIndex: 'fullAddress' },
    {
      title: t.fields.userClass,
      dataIndex: 'userClass',
      width: 90,
      render: (v: CustomerSummary['userClass']) => t.userClasses[v],
    },
    {
      title: t.fields.status,
      dataIndex: 'status',
      width: 80,
      render: (v: CustomerSummary['status']) => <StatusTag status={v} />,
    },
    {
      title: t.fields.meterNos,
      dataIndex: 'meterNos',
      width: 150,
      render: (v: string[]) => v.join(t.common.listSep) || t.common.none,
    },
  ];
  return (
    <Table<CustomerSummary>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)' }}
      rowClassName={(_r, i) => (i === active ? 'row-active' : 'row-link')}
      onRow={(record, i) => ({
        onClick: () => onOpen(record),
        'aria-selected': i === active,
        ref: i === active ? (el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' }) : undefined,
      })}
    />
  );
}
