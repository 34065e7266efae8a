/**
 * 网点与柜台: the halls, and each counter's state, last sync, operations stored and clock; an administrator
 * registers halls and counters, gives a counter a new one-time enrolment code, and revokes one. A hall
 * manager sees their own halls only (head office cuts the lists). Runtime: browser.
 */
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { CounterView, Hall } from '../../../core/sync/wire-admin';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { useLoad } from '../use-load';

const STATE: Record<CounterView['state'], { text: string; color: string }> = {
  awaiting_enrollment: { text: '待登记', color: 'gold' },
  active: { text: '在用', color: 'green' },
  revoked: { text: '已停用', color: 'default' },
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const skew = (ms: number | null) => (ms === null ? '—' : `${ms >= 0 ? '+' : ''}${(ms / 1000).toFixed(1)} 秒`);

type Dialog =
  | { kind: 'hall' }
  | { kind: 'counter'; hallCode: string }
  | { kind: 'revoke'; counter: CounterView };

export function HallsPage({ me }: { me: Me }) {
  const admin = me.role === 'admin';
  const load = useCallback(
    async () => ({
      halls: (await get<{ halls: Hall[] }>('/admin/halls')).halls,
      counters: (await get<{ counters: CounterView[] }>('/admin/counters')).counters,
    }),
    [],
  );
  const { data, error, loading, reload } = useLoad(load);
  const [dialog, setDialog] = useState<Dialog>();
  const [code, setCode] = useState<{ counter: string; code: string; expiresAt: string }>();

  const showCode = (counter: string, e: { code: string; expiresAt: string }) => setCode({ counter, ...e });
  const newCode = async (c: CounterView) =>
    showCode(`${c.hallCode}-${c.code}`, await post(`/admin/counters/${c.slotId}/enrollment-code`));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          网点
        </Typography.Title>
        {admin && <Button onClick={() => setDialog({ kind: 'hall' })}>新建网点</Button>}
      </Space>
      <Table<Hall>
        rowKey="code"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.halls}
        aria-label="网点"
        columns={[
          { title: '网点编号', dataIndex: 'code' },
          { title: '网点名称', dataIndex: 'name' },
          { title: '时区', dataIndex: 'timeZone' },
          {
            title: '操作',
            render: (_, h) =>
              admin && (
                <Button size="small" onClick={() => setDialog({ kind: 'counter', hallCode: h.code })}>
                  新建柜台
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        柜台
      </Typography.Title>
      <Table<CounterView>
        rowKey="slotId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.counters}
        aria-label="柜台"
        columns={[
          { title: '柜台', render: (_, c) => `${c.hallCode}-${c.code} ${c.name}` },
          { title: '状态', render: (_, c) => <Tag color={STATE[c.state].color}>{STATE[c.state].text}</Tag> },
          { title: '最近同步', render: (_, c) => when(c.lastSeenAt) },
          { title: '已收流水', dataIndex: 'headSeq', align: 'right' },
          {
            title: '时钟偏差',
            render: (_, c) => (
              <span style={{ color: c.clockSkewed ? '#cf1322' : undefined }}>{skew(c.clockSkewMs)}</span>
            ),
          },
          { title: '警示', render: (_, c) => c.alert ?? c.revokedReason ?? '' },
          {
            title: '操作',
            render: (_, c) =>
              admin &&
              c.state !== 'revoked' && (
                <Space>
                  {c.state === 'awaiting_enrollment' && (
                    <Button size="small" onClick={() => void newCode(c)}>
                      新登记码
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setDialog({ kind: 'revoke', counter: c })}>
                    停用
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {dialog?.kind === 'hall' && (
        <FormDialog<{ code: string; name: string }>
          title="新建网点"
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            await post('/admin/halls', v);
            await reload();
          }}
        >
          <Form.Item
            name="code"
            label="网点编号（4 位数字）"
            rules={[{ required: true, message: '请输入网点编号' }]}
          >
            <Input autoFocus maxLength={4} />
          </Form.Item>
          <Form.Item name="name" label="网点名称" rules={[{ required: true, message: '请输入网点名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'counter' && (
        <FormDialog<{ code: string; name: string }>
          title={`新建柜台：网点 ${dialog.hallCode}`}
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            const r = await post<{ counter: CounterView; enrollment: { code: string; expiresAt: string } }>(
              `/admin/halls/${dialog.hallCode}/counters`,
              v,
            );
            showCode(`${r.counter.hallCode}-${r.counter.code}`, r.enrollment);
            await reload();
          }}
        >
          <Form.Item
            name="code"
            label="柜台编号（2 位数字）"
            rules={[{ required: true, message: '请输入柜台编号' }]}
          >
            <Input autoFocus maxLength={2} />
          </Form.Item>
          <Form.Item name="name" label="柜台名称" rules={[{ required: true, message: '请输入柜台名称' }]}>
            <Input maxLength={40} />
          </Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'revoke' && (
        <FormDialog<{ reason: string }>
          title={`停用柜台 ${dialog.counter.hallCode}-${dialog.counter.code}`}
          okText="停用"
          danger
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            await post(`/admin/counters/${dialog.counter.slotId}/revoke`, v);
            await reload();
          }}
        >
          <Alert type="warning" showIcon title="停用后该柜台不能再上传或下载数据；已上传的流水保留。" />
          <Form.Item name="reason" label="停用原因" rules={[{ required: true, message: '请输入停用原因' }]}>
            <Input autoFocus maxLength={200} />
          </Form.Item>
        </FormDialog>
      )}
      <Modal open={code !== undefined} title="柜台登记码" footer={null} onCancel={() => setCode(undefined)}>
        {code && (
          <div data-testid="enrollment-code">
            <p>
              柜台 {code.counter} 的一次性登记码（只显示这一次，{when(code.expiresAt)} 前有效）：
            </p>
            <Typography.Text copyable strong style={{ fontSize: 20 }}>
              {code.code}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </Space>
  );
}
