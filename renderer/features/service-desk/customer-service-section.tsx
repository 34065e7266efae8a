/**
 * 一户一档: the household's service-desk records on its file — its acceptances (with the notice to reprint) and
 * its complaints with their state — so a clerk sees what the customer came or called about before. Runtime: browser.
 */
import { Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Acceptance, Complaint } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { StatusTag } from './complaints-tab';

type Row =
  | { id: string; no: string; at: string; what: string; kind: 'acceptance' }
  | ({ kind: 'complaint' } & Complaint);

export function CustomerServiceSection({
  customerId,
  refreshKey,
}: {
  customerId: string;
  refreshKey: number;
}) {
  const t = useT();
  const s = t.service;
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    void refreshKey;
    let gone = false;
    void Promise.all([
      api['acceptances.list']({ customerId, limit: 50 }),
      api['complaints.list']({ customerId, open: false, limit: 50 }),
    ])
      .then(([a, c]) => {
        if (gone) return;
        const acc: Row[] = a.items.map((x: Acceptance) => ({
          id: x.id,
          no: x.no,
          at: x.createdAt,
          what: `${x.type.name}：${x.asked}`,
          kind: 'acceptance',
        }));
        const cmp: Row[] = c.items.map((x) => ({ ...x, kind: 'complaint' as const }));
        setRows(
          [...acc, ...cmp].sort((x, y) =>
            (y.kind === 'complaint' ? y.createdAt : y.at).localeCompare(
              x.kind === 'complaint' ? x.createdAt : x.at,
            ),
          ),
        );
      })
      .catch(() => !gone && setRows([]));
    return () => {
      gone = true;
    };
  }, [customerId, refreshKey]);
  return (
    <Card title={s.customerRecords} size="small" className="form-section" data-testid="customer-service">
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: s.noCustomerRecords }}
        columns={[
          { title: s.no, dataIndex: 'no', width: 190 },
          {
            title: s.at,
            width: 160,
            render: (_, r) => formatDateTime(r.kind === 'complaint' ? r.createdAt : r.at),
          },
          {
            title: s.what,
            render: (_, r) => (r.kind === 'complaint' ? `${s.categories[r.category]}：${r.details}` : r.what),
          },
          {
            title: s.status,
            width: 170,
            render: (_, r) => (r.kind === 'complaint' ? <StatusTag c={r} /> : s.acceptedTag),
          },
        ]}
      />
    </Card>
  );
}
