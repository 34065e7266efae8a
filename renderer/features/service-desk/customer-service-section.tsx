/**
 * 一户一档: the household's service-desk records on its file — its acceptances, its complaints with their state
 * and its appointments (预约上门) with theirs — so a clerk sees what the customer came or called about before. Runtime: browser.
 */
import { Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Acceptance, Complaint } from '../../../core/contract';
import { FIELD_TEAM_ZH, SLOT_INFO, VISIT_KIND_ZH } from '../../../core/domain/appointments';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { StatusTag } from './complaints-tab';

type Row =
  | { id: string; no: string; at: string; what: string; kind: 'acceptance' }
  | { id: string; no: string; at: string; what: string; kind: 'appointment'; state: string }
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
      api['appointments.list']({ customerId, withCancelled: true }),
    ])
      .then(([a, c, v]) => {
        if (gone) return;
        const acc: Row[] = a.items.map((x: Acceptance) => ({
          id: x.id,
          no: x.no,
          at: x.createdAt,
          what: `${x.type.name}：${x.asked}`,
          kind: 'acceptance',
        }));
        const cmp: Row[] = c.items.map((x) => ({ ...x, kind: 'complaint' as const }));
        const appt: Row[] = v.items.map((x) => ({
          id: x.id,
          no: x.no,
          at: x.createdAt,
          what: `预约${VISIT_KIND_ZH[x.kind]}：${x.date} ${SLOT_INFO[x.slot].zh} ${FIELD_TEAM_ZH[x.team]}`,
          kind: 'appointment' as const,
          state: t.appointments.statuses[x.status],
        }));
        setRows(
          [...acc, ...cmp, ...appt].sort((x, y) =>
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
  }, [customerId, refreshKey, t]);
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
            render: (_, r) =>
              r.kind === 'complaint' ? (
                <StatusTag c={r} />
              ) : r.kind === 'appointment' ? (
                r.state
              ) : (
                s.acceptedTag
              ),
          },
        ]}
      />
    </Card>
  );
}
