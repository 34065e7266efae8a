/** 收费项目 (admin): the fee catalogue — code, name, amount, active — created and edited in a dialog. */
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FeeItem } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { yuan } from '../../shell/money';
import { FeeItemModal } from './fee-item-modal';

export function FeeCataloguePage() {
  const t = useT();
  const f = t.feeCatalogue;
  const report = useReportError();
  const [items, setItems] = useState<FeeItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<FeeItem | 'new'>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api['fees.list']({ includeInactive: true })).items);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<FeeItem> = [
    { title: f.code, dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
    { title: f.name, dataIndex: 'name' },
    { title: f.amount, dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    {
      title: f.status,
      dataIndex: 'active',
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? f.active : f.inactive}</Tag>,
    },
    {
      title: t.common.actions,
      render: (_v, item) => (
        <Button size="small" onClick={() => setEditing(item)}>
          {f.edit}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{f.title}</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {f.create}
        </Button>
      </Space>
      <Table<FeeItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
      />
      {editing && (
        <FeeItemModal
          item={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            void load();
          }}
        />
      )}
    </div>
  );
}
