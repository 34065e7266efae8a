/**
 * 服务台记录: what the halls' service desks recorded and pushed — acceptances, complaints, appointments, work
 * orders and inspections — newest first, with their number, state and steps so far. Read-only here: they are
 * reassigned and closed at the counters. Runtime: browser.
 */
import { Alert, Select, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { APPOINTMENT_STATUS_ZH } from '../../../core/domain/appointments';
import { COMPLAINT_STATUS_ZH } from '../../../core/domain/service-desk';
import { WORK_ORDER_STATUS_ZH } from '../../../core/domain/work-orders';
import { SERVICE_KINDS, type serviceRecordListSchema } from '../../../core/sync/routes-lists';
import { get } from '../api';
import type { Me } from '../console-app';
import { firstHall, HallSelect } from '../hall-select';
import { useLoad } from '../use-load';

type Record_ = z.infer<typeof serviceRecordListSchema>['records'][number];
const KIND_ZH: Record<(typeof SERVICE_KINDS)[number], string> = {
  acceptance: '业务受理',
  complaint: '投诉',
  appointment: '预约',
  work_order: '工单',
  inspection: '安检',
};
const STATUS_ZH: Record<string, string> = {
  ...APPOINTMENT_STATUS_ZH,
  ...WORK_ORDER_STATUS_ZH,
  ...COMPLAINT_STATUS_ZH,
};
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
/** What the record is about, from what the counter recorded (its type, subject or content). */
function about(r: Record_): string {
  const d = r.data;
  for (const k of ['typeName', 'subject', 'content', 'description', 'summary', 'note'])
    if (typeof d[k] === 'string' && d[k]) return d[k] as string;
  return '';
}

export function ServicePage({ me }: { me: Me }) {
  const [hall, setHall] = useState(firstHall(me));
  const [kind, setKind] = useState<string>();
  const load = useCallback(async () => {
    const p = new URLSearchParams();
    if (hall) p.set('hall', hall);
    if (kind) p.set('kind', kind);
    return (await get<{ records: Record_[] }>(`/admin/service-records?${p}`)).records;
  }, [hall, kind]);
  const { data, error, loading } = useLoad(load);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Space>
        <HallSelect me={me} value={hall} onChange={setHall} />
        <Select
          aria-label="类别"
          style={{ width: 160 }}
          allowClear
          placeholder="全部类别"
          value={kind}
          onChange={(v) => setKind(v ?? undefined)}
          options={SERVICE_KINDS.map((k) => ({ value: k, label: KIND_ZH[k] }))}
        />
      </Space>
      <Table<Record_>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="服务台记录"
        dataSource={data}
        columns={[
          { title: '编号', dataIndex: 'no' },
          { title: '类别', render: (_, r) => KIND_ZH[r.kind] },
          { title: '网点', dataIndex: 'hallCode' },
          { title: '内容', render: (_, r) => about(r) },
          { title: '状态', render: (_, r) => (r.status ? (STATUS_ZH[r.status] ?? r.status) : '') },
          { title: '进展', render: (_, r) => (r.stepCount > 0 ? `${r.stepCount} 步` : '') },
          { title: '登记时间', render: (_, r) => when(r.createdAt) },
          { title: '最近更新', render: (_, r) => when(r.updatedAt) },
        ]}
      />
    </Space>
  );
}
