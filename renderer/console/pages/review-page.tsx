/**
 * 隔离与冲突: what head office stored but did not apply (quarantined operations, with their reason), the
 * conflicts between counters it kept for a person to decide (head office's value is kept until then), and the
 * day reconciliations that disagreed. An administrator or auditor resolves a conflict, with a note; the
 * resolver is the signed-in user. Runtime: browser.
 */
import { Alert, Button, Form, Input, Radio, Space, Table, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import type { Conflict } from '../../../core/sync/feed';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { useLoad } from '../use-load';

interface Quarantined {
  counterId: string;
  seq: number;
  type: string;
  code: string;
  reason: string;
  at: string;
}
interface Mismatch {
  hallCode: string;
  counterCode: string;
  day: string;
  field: string;
  detail: unknown;
  reportedAt: string;
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function ReviewPage({ me }: { me: Me }) {
  const load = useCallback(
    async () => ({
      ops: (await get<{ ops: Quarantined[] }>('/admin/quarantine')).ops,
      conflicts: (await get<{ conflicts: Conflict[] }>('/admin/conflicts?status=all')).conflicts,
      issues: (await get<{ issues: Mismatch[] }>('/admin/reconciliation')).issues,
    }),
    [],
  );
  const { data, error, loading, reload } = useLoad(load);
  const [resolving, setResolving] = useState<Conflict>();
  const mayResolve = me.role === 'admin' || me.role === 'auditor';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Tabs
        items={[
          {
            key: 'conflicts',
            label: `冲突（未处理 ${data?.conflicts.filter((c) => c.status === 'open').length ?? 0}）`,
            children: (
              <Table<Conflict>
                rowKey="id"
                size="small"
                loading={loading}
                aria-label="冲突"
                dataSource={data?.conflicts}
                columns={[
                  { title: '网点', dataIndex: 'hallCode' },
                  { title: '对象', render: (_, c) => `${c.entityType} ${c.entityId}` },
                  { title: '字段', render: (_, c) => c.field ?? '—' },
                  { title: '总部现值', render: (_, c) => show(c.current) },
                  { title: '柜台新值', render: (_, c) => show(c.incoming) },
                  {
                    title: '处理',
                    render: (_, c) =>
                      c.status === 'resolved' ? (
                        `${c.resolution?.choice === 'current' ? '保留现值' : '采用新值'}（${c.resolution?.by}：${c.resolution?.note}）`
                      ) : mayResolve ? (
                        <Button size="small" onClick={() => setResolving(c)}>
                          处理
                        </Button>
                      ) : (
                        '未处理'
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'quarantine',
            label: `隔离的流水（${data?.ops.length ?? 0}）`,
            children: (
              <Table<Quarantined>
                rowKey={(o) => `${o.counterId}:${o.seq}`}
                size="small"
                loading={loading}
                aria-label="隔离的流水"
                dataSource={data?.ops}
                columns={[
                  { title: '柜台', dataIndex: 'counterId' },
                  { title: '序号', dataIndex: 'seq', align: 'right' },
                  { title: '业务', dataIndex: 'type' },
                  { title: '原因', render: (_, o) => `${o.reason}（${o.code}）` },
                  { title: '时间', render: (_, o) => when(o.at) },
                ]}
              />
            ),
          },
          {
            key: 'reconciliation',
            label: `对账差异（${data?.issues.length ?? 0}）`,
            children: (
              <Table<Mismatch>
                rowKey={(m) => `${m.hallCode}-${m.counterCode}-${m.day}-${m.field}`}
                size="small"
                loading={loading}
                aria-label="对账差异"
                dataSource={data?.issues}
                columns={[
                  { title: '柜台', render: (_, m) => `${m.hallCode}-${m.counterCode}` },
                  { title: '营业日', dataIndex: 'day' },
                  { title: '项目', dataIndex: 'field' },
                  { title: '差异', render: (_, m) => show(m.detail) },
                  { title: '上报时间', render: (_, m) => when(m.reportedAt) },
                ]}
              />
            ),
          },
        ]}
      />
      {resolving && (
        <FormDialog<{ choice: 'current' | 'incoming'; note: string }>
          title={`处理冲突：${resolving.entityType} ${resolving.entityId}`}
          onClose={() => setResolving(undefined)}
          onSubmit={async (v) => {
            await post(`/admin/conflicts/${resolving.id}/resolve`, { ...v, by: me.displayName });
            await reload();
          }}
        >
          <p>
            总部现值：{show(resolving.current)}；柜台新值：{show(resolving.incoming)}
          </p>
          <Form.Item name="choice" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
            <Radio.Group
              options={[
                { value: 'current', label: '保留总部现值' },
                { value: 'incoming', label: '采用柜台新值' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="处理说明" rules={[{ required: true, message: '请输入处理说明' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
