/**
 * 员工: a hall's counter staff as head office publishes them to its counters (roles, in use or not); an
 * administrator or the hall's manager adds one, whose password head office hashes and pushes to the hall's
 * counters as a hash only. Runtime: browser.
 */
import { Alert, Button, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { ROLE_ZH, ROLES } from '../../../core/domain/roles';
import type { z } from 'zod';
import type { staffListSchema } from '../../../core/sync/routes-lists';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { firstHall, HallSelect, hallQuery } from '../hall-select';
import { useLoad } from '../use-load';

type Staff = z.infer<typeof staffListSchema>['staff'][number];
interface NewStaff {
  username: string;
  displayName: string;
  roles: Staff['roles'];
  password: string;
}

export function StaffPage({ me }: { me: Me }) {
  const [hall, setHall] = useState(firstHall(me));
  const load = useCallback(
    async () => (await get<{ staff: Staff[] }>(`/admin/staff${hallQuery(hall)}`)).staff,
    [hall],
  );
  const { data, error, loading, reload } = useLoad(load);
  const [adding, setAdding] = useState(false);
  const mayAdd = (me.role === 'admin' || me.role === 'hall_manager') && hall !== undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Space>
        <HallSelect me={me} value={hall} onChange={setHall} />
        {mayAdd && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新建员工
          </Button>
        )}
      </Space>
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="员工"
        dataSource={data}
        columns={[
          { title: '网点', dataIndex: 'hallCode' },
          { title: '登录名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '岗位', render: (_, s) => s.roles.map((r) => ROLE_ZH[r]).join('、') },
          { title: '状态', render: (_, s) => (s.active ? <Tag color="green">在用</Tag> : <Tag>停用</Tag>) },
        ]}
      />
      {adding && hall && (
        <FormDialog<NewStaff>
          title={`新建员工（网点 ${hall}）`}
          initialValues={{ roles: ['clerk'] }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await post(`/admin/halls/${hall}/staff`, v);
            await reload();
          }}
        >
          <Form.Item name="username" label="登录名" rules={[{ required: true, message: '请填写登录名' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
            <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_ZH[r] }))} />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
