/** 操作日志 (administrators only): sign-ins, sign-outs and every write to the admin API, newest first. Runtime: browser. */
import { Alert, Button, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import { get } from '../api';
import { useLoad } from '../use-load';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  status: number;
  detail: unknown;
  address: string | null;
}

const ACTIONS: Record<string, string> = { login: '登录', logout: '退出', password: '修改本人密码' };

export function AuditPage() {
  const [before, setBefore] = useState<number>();
  const load = useCallback(
    async () =>
      (await get<{ entries: Entry[] }>(`/admin/console-audit?limit=100${before ? `&before=${before}` : ''}`))
        .entries,
    [before],
  );
  const { data, error, loading } = useLoad(load);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="操作日志"
        dataSource={data}
        columns={[
          { title: '时间', render: (_, e) => new Date(e.at).toLocaleString('zh-CN', { hour12: false }) },
          { title: '账号', dataIndex: 'actor' },
          { title: '操作', render: (_, e) => ACTIONS[e.action] ?? e.action },
          { title: '结果', render: (_, e) => (e.status < 300 ? '成功' : `拒绝（${e.status}）`) },
          { title: '内容', render: (_, e) => (e.detail ? JSON.stringify(e.detail) : '') },
          { title: '地址', dataIndex: 'address' },
        ]}
      />
      <Space>
        <Button disabled={before === undefined} onClick={() => setBefore(undefined)}>
          最新
        </Button>
        <Button disabled={!data || data.length < 100} onClick={() => setBefore(data?.at(-1)?.id)}>
          更早
        </Button>
      </Space>
    </Space>
  );
}
