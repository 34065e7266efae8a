/**
 * 员工管理 (admin): list, create, change roles (one or several), reset password (also unlocks), enable /
 * disable. Runtime: browser.
 */
import {
  App as AntApp,
  Button,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Staff } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { useSession } from '../../shell/session';
import { CreateStaffModal } from './create-staff-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { RolesModal } from './roles-modal';

export function StaffPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { session } = useSession();
  const report = useReportError();
  const [items, setItems] = useState<Staff[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Staff>();
  const [editing, setEditing] = useState<Staff>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api['staff.list']({})).items);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const setActive = async (s: Staff, active: boolean) => {
    try {
      await api['staff.setActive']({ staffId: s.id, active });
      message.success(active ? t.staff.enabled : t.staff.disabled);
      await load();
    } catch (e) {
      report(e);
    }
  };

  const columns: TableColumnsType<Staff> = [
    { title: t.staff.username, dataIndex: 'username' },
    { title: t.staff.displayName, dataIndex: 'displayName' },
    {
      title: t.staff.role,
      dataIndex: 'roles',
      render: (roles: Staff['roles']) => roles.map((r) => <Tag key={r}>{t.roles[r]}</Tag>),
    },
    {
      title: t.staff.status,
      render: (_v, s) => (
        <Space size={4}>
          <Tag color={s.active ? 'green' : 'default'}>{s.active ? t.staff.active : t.staff.inactive}</Tag>
          {s.locked && <Tag color="red">{t.staff.locked}</Tag>}
        </Space>
      ),
    },
    { title: t.staff.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t.common.actions,
      render: (_v, s) => (
        <Space>
          <Button size="small" onClick={() => setEditing(s)}>
            {t.staff.changeRoles}
          </Button>
          <Button size="small" onClick={() => setResetting(s)}>
            {t.staff.resetPassword}
          </Button>
          {s.id !== session.staff.id &&
            (s.active ? (
              <Popconfirm
                title={fmt(t.staff.disableConfirm, { name: s.displayName })}
                okText={t.staff.disable}
                cancelText={t.common.cancel}
                onConfirm={() => setActive(s, false)}
              >
                <Button size="small" danger>
                  {t.staff.disable}
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" onClick={() => void setActive(s, true)}>
                {t.staff.enable}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{t.staff.title}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t.staff.create}
        </Button>
      </Space>
      <Table<Staff>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
      />
      {creating && (
        <CreateStaffModal
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void load();
          }}
        />
      )}
      {editing && (
        <RolesModal
          staff={editing}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            void load();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          staff={resetting}
          onCancel={() => setResetting(undefined)}
          onDone={() => {
            setResetting(undefined);
            void load();
          }}
        />
      )}
    </div>
  );
}
