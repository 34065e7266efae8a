/** 气价 (admin): every price version by user class with its tiers, and 调价 (a new version). */
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PriceVersion } from '../../../core/contract';
import { USER_CLASSES } from '../../../core/domain/customer';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { volumeText } from '../../shell/money';
import { PriceVersionModal } from './price-version-modal';
import { tierLines } from './price-model';

export function PricesPage() {
  const t = useT();
  const report = useReportError();
  const [items, setItems] = useState<PriceVersion[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await api['prices.list']({});
      const order = (v: PriceVersion) => USER_CLASSES.indexOf(v.userClass);
      setItems(
        [...r.items].sort((a, b) => order(a) - order(b) || b.effectiveFrom.localeCompare(a.effectiveFrom)),
      );
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const p = t.prices;
  const columns: TableColumnsType<PriceVersion> = [
    {
      title: p.userClass,
      dataIndex: 'userClass',
      width: 100,
      render: (c: PriceVersion['userClass']) => t.userClasses[c],
    },
    { title: p.effectiveFrom, dataIndex: 'effectiveFrom', width: 120 },
    {
      title: p.tiers,
      render: (_v, v) => {
        const extras = v.tiers
          .filter((x) => x.extraPerPerson > 0)
          .map((x) => `${volumeText(x.extraPerPerson)} m³`);
        return (
          <div>
            <ul className="change-list">
              {tierLines(v.tiers, p).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {extras.length > 0 && (
              <Typography.Text type="secondary">
                {fmt(p.perPerson, { base: v.baseHouseholdSize, extras: extras.join(' / ') })}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    { title: p.periodStart, dataIndex: 'periodStart', width: 120 },
    { title: p.note, dataIndex: 'note' },
    { title: p.createdAt, dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{p.title}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {p.create}
        </Button>
      </Space>
      <Table<PriceVersion>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        locale={{ emptyText: p.empty }}
      />
      {creating && (
        <PriceVersionModal
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
