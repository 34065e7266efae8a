/**
 * 服务台记录: what the halls' service desks recorded and pushed — acceptances, complaints, appointments, work
 * orders and inspections — newest first, with their number, state and steps so far. The administrator may
 * reassign a complaint, a work order or an appointment to another team (改派) or close it with a reason (结案;
 * an appointment's is its 取消): a head-office
 * step the owning counter receives on its next pull (docs/sync-protocol.md). Runtime: browser.
 */
import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { APPOINTMENT_STATUS_ZH, FIELD_TEAM_ZH, FIELD_TEAMS } from '../../../core/domain/appointments';
import {
  FINAL,
  HEAD_OFFICE_ACTION_ZH,
  type HeadOfficeAction,
  REASSIGNABLE,
} from '../../../core/domain/head-office-steps';
import { COMPLAINT_STATUS_ZH, TEAM_ZH, TEAMS } from '../../../core/domain/service-desk';
import { WORK_ORDER_STATUS_ZH } from '../../../core/domain/work-orders';
import { SERVICE_KINDS, type serviceRecordListSchema } from '../../../core/sync/routes-lists';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
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
/** Each kind's own state names: an appointment's cancelled is 已取消, a work order's 已撤销. */
const STATUS_ZH: Partial<Record<(typeof SERVICE_KINDS)[number], Record<string, string>>> = {
  appointment: APPOINTMENT_STATUS_ZH,
  work_order: WORK_ORDER_STATUS_ZH,
  complaint: COMPLAINT_STATUS_ZH,
};
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
/** What the record is about, from what the counter recorded (its type, subject or content). */
function about(r: Record_): string {
  const d = r.data;
  for (const k of ['typeName', 'subject', 'content', 'description', 'details', 'summary', 'note'])
    if (typeof d[k] === 'string' && d[k]) return d[k] as string;
  return '';
}

/** What head office may do to a record now: 改派 while a team is in charge, 结案 (取消) until it is closed. */
function steerable(r: Record_): HeadOfficeAction[] {
  if (r.kind !== 'complaint' && r.kind !== 'work_order' && r.kind !== 'appointment') return [];
  const status = r.status ?? '';
  if (FINAL[r.kind].includes(status)) return [];
  return REASSIGNABLE[r.kind].includes(status) ? ['reassign', 'close'] : ['close'];
}

/** An appointment's close is its 取消. */
const closeZh = (r: Record_): string => (r.kind === 'appointment' ? '取消' : '结案');
const actionZh = (r: Record_, a: HeadOfficeAction): string =>
  a === 'close' && r.kind === 'appointment' ? '总部取消' : HEAD_OFFICE_ACTION_ZH[a];

const teamsOf = (r: Record_): { value: string; label: string }[] =>
  r.kind === 'complaint'
    ? TEAMS.map((t) => ({ value: t, label: TEAM_ZH[t] }))
    : FIELD_TEAMS.map((t) => ({ value: t, label: FIELD_TEAM_ZH[t] }));

export function ServicePage({ me }: { me: Me }) {
  const [steering, setSteering] = useState<{ record: Record_; action: HeadOfficeAction }>();
  const [hall, setHall] = useState(firstHall(me));
  const [kind, setKind] = useState<string>();
  const load = useCallback(async () => {
    const p = new URLSearchParams();
    if (hall) p.set('hall', hall);
    if (kind) p.set('kind', kind);
    return (await get<{ records: Record_[] }>(`/admin/service-records?${p}`)).records;
  }, [hall, kind]);
  const { data, error, loading, reload } = useLoad(load);
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
          { title: '状态', render: (_, r) => (r.status ? (STATUS_ZH[r.kind]?.[r.status] ?? r.status) : '') },
          { title: '进展', render: (_, r) => (r.stepCount > 0 ? `${r.stepCount} 步` : '') },
          { title: '登记时间', render: (_, r) => when(r.createdAt) },
          { title: '最近更新', render: (_, r) => when(r.updatedAt) },
          ...(me.role === 'admin'
            ? [
                {
                  title: '总部处理',
                  render: (_: unknown, r: Record_) => (
                    <Space size="small">
                      {steerable(r).map((action) => (
                        <Button
                          key={action}
                          size="small"
                          danger={action === 'close'}
                          onClick={() => setSteering({ record: r, action })}
                        >
                          {action === 'close' ? closeZh(r) : '改派'}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {steering && (
        <FormDialog<{ team?: string; assignee?: string; reason: string }>
          title={`${actionZh(steering.record, steering.action)}：${KIND_ZH[steering.record.kind]} ${steering.record.no}`}
          danger={steering.action === 'close'}
          onClose={() => setSteering(undefined)}
          onSubmit={async (v) => {
            await post(`/admin/service-records/${steering.record.id}/steps`, {
              ...v,
              action: steering.action,
              by: me.displayName,
            });
            await reload();
          }}
        >
          {steering.action === 'reassign' && (
            <Form.Item name="team" label="改派给" rules={[{ required: true, message: '请选择班组' }]}>
              <Select options={teamsOf(steering.record)} />
            </Form.Item>
          )}
          {steering.action === 'reassign' && steering.record.kind === 'work_order' && (
            <Form.Item name="assignee" label="上门人员">
              <Input maxLength={40} />
            </Form.Item>
          )}
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请输入原因' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
