/**
 * 总部账号 (administrators only): the console's accounts with their role and halls; a new account, a new
 * password (which also unlocks it), an account disabled or enabled. Head office keeps the last administrator.
 * Runtime: browser.
 */
import { Alert, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { CONSOLE_ROLE_NAMES, CONSOLE_ROLES, type ConsoleUserView } from '../../../core/sync/wire-console';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { useLoad } from '../use-load';

interface NewUser {
  username: string;
  displayName: string;
  role: ConsoleUserView['role'];
  halls?: string;
  password: string;
}

export function UsersPage({ me }: { me: Me }) {
  const load = useCallback(
    async () => (await get<{ users: ConsoleUserView[] }>('/admin/console-users')).users,
    [],
  );
  const { data, error, loading, reload } = useLoad(load);
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'password'; user: ConsoleUserView }>();
  const [problem, setProblem] = useState<string>();

  const toggle = async (u: ConsoleUserView) => {
    try {
      await post(`/admin/console-users/${u.id}`, { disabled: !u.disabled });
      setProblem(undefined);
    } catch (e) {
      setProblem((e as Error).message);
    }
    await reload();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(error ?? problem) && <Alert type="error" showIcon role="alert" title={error ?? problem} />}
      <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
        新建账号
      </Button>
      <Table<ConsoleUserView>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="总部账号"
        dataSource={data}
        columns={[
          { title: '登录名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, u) => CONSOLE_ROLE_NAMES[u.role] },
          { title: '所管网点', render: (_, u) => u.halls.join('、') || '全部' },
          {
            title: '状态',
            render: (_, u) =>
              u.disabled ? (
                <Tag>已停用</Tag>
              ) : u.locked ? (
                <Tag color="red">已锁定</Tag>
              ) : (
                <Tag color="green">在用</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
                  重设密码
                </Button>
                {u.id !== me.id && (
                  <Button size="small" danger={!u.disabled} onClick={() => void toggle(u)}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' && (
        <FormDialog<NewUser>
          title="新建总部账号"
          initialValues={{ role: 'readonly' }}
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            const halls = (v.halls ?? '').split(/[\s,，、]+/).filter(Boolean);
            await post('/admin/console-users', { ...v, halls });
            await reload();
          }}
        >
          <Form.Item name="username" label="登录名" rules={[{ required: true, message: '请输入登录名' }]}>
            <Input autoFocus maxLength={32} />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select options={CONSOLE_ROLES.map((r) => ({ value: r, label: CONSOLE_ROLE_NAMES[r] }))} />
          </Form.Item>
          <Form.Item name="halls" label="所管网点（营业厅经理填写，多个用逗号分隔）">
            <Input placeholder="如 0101,0102" />
          </Form.Item>
          <Form.Item
            name="password"
            label="初始密码（至少 10 位，含字母和数字）"
            rules={[{ required: true, message: '请输入初始密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'password' && (
        <FormDialog<{ password: string }>
          title={`重设密码：${dialog.user.displayName}`}
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            await post(`/admin/console-users/${dialog.user.id}`, v);
            await reload();
          }}
        >
          <Form.Item
            name="password"
            label="新密码（同时解除锁定）"
            rules={[{ required: true, message: '请输入新密码' }]}
          >
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
