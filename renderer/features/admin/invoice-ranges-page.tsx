/** 发票号段 (admin): registered invoice number ranges with what is left, and 登记号段. */
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OpOutput, Staff } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { InvoiceRangeModal } from './invoice-range-modal';

type Range = OpOutput<'invoices.list'>['items'][number];

export function InvoiceRangesPage() {
  const t = useT();
  const v = t.invoices;
  const report = useReportError();
  const [items, setItems] = useState<Range[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [r, s] = await Promise.all([api['invoices.list']({}), api['staff.list']({})]);
      setItems(r.items);
      setStaff(s.items);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const number = (r: Range, n: number) => `${r.prefix}${String(n).padStart(r.width, '0')}`;
  const columns: TableColumnsType<Range> = [
    {
      title: v.operator,
      dataIndex: 'operatorId',
      render: (id: string | null) => (id ? (staff.find((s) => s.id === id)?.displayName ?? id) : v.shared),
    },
    { title: v.prefix, dataIndex: 'prefix', render: (p: string) => p || t.common.none },
    { title: v.first, render: (_x, r) => <span className="mono">{number(r, r.first)}</span> },
    { title: v.last, render: (_x, r) => <span className="mono">{number(r, r.last)}</span> },
    {
      title: v.next,
      render: (_x, r) => <span className="mono">{r.remaining > 0 ? number(r, r.next) : t.common.none}</span>,
    },
    { title: v.remaining, dataIndex: 'remaining', align: 'right' },
  ];

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{v.title}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {v.create}
        </Button>
      </Space>
      <Table<Range>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        locale={{ emptyText: v.empty }}
      />
      {creating && (
        <InvoiceRangeModal
          staff={staff.filter((s) => s.active && s.roles.some((r) => r !== 'clerk'))}
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
