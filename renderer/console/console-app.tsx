/**
 * The console: the sign-in page until head office knows the user, then a menu of the pages the user's role
 * may open. Head office decides what a role may do; the menu only hides what would be refused. A session that
 * ends (idle, signed out elsewhere) brings the sign-in page back. Runtime: browser.
 */
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { CONSOLE_ROLE_NAMES, type ConsoleRole } from '../../core/sync/wire-console';
import { get, post, whenSignedOut } from './api';
import { AuditPage } from './pages/audit-page';
import { CardsPage } from './pages/cards-page';
import { ImportsPage } from './pages/imports-page';
import { MasterPage } from './pages/master-page';
import { ServicePage } from './pages/service-page';
import { StaffPage } from './pages/staff-page';
import { HallsPage } from './pages/halls-page';
import { LoginPage } from './pages/login-page';
import { PasswordPage } from './pages/password-page';
import { ReportsPage } from './pages/reports-page';
import { ReviewPage } from './pages/review-page';
import { UsagePage } from './pages/usage-page';
import { UsersPage } from './pages/users-page';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  halls: string[];
  idleTimeoutS: number;
}

interface PageDef {
  key: string;
  label: string;
  roles: readonly ConsoleRole[];
  render(me: Me): ReactNode;
}

const ALL: readonly ConsoleRole[] = ['admin', 'auditor', 'hall_manager', 'readonly'];
const PAGES: PageDef[] = [
  { key: 'halls', label: '网点与柜台', roles: ALL, render: (me) => <HallsPage me={me} /> },
  { key: 'reports', label: '报表', roles: ALL, render: (me) => <ReportsPage me={me} /> },
  { key: 'usage', label: '用量分析', roles: ALL, render: (me) => <UsagePage me={me} /> },
  {
    key: 'review',
    label: '隔离与冲突',
    roles: ['admin', 'auditor', 'readonly'],
    render: (me) => <ReviewPage me={me} />,
  },
  { key: 'master', label: '气价与收费', roles: ALL, render: (me) => <MasterPage me={me} /> },
  { key: 'staff', label: '营业厅员工', roles: ALL, render: (me) => <StaffPage me={me} /> },
  { key: 'cards', label: '燃气卡', roles: ALL, render: (me) => <CardsPage me={me} /> },
  { key: 'service', label: '服务台记录', roles: ALL, render: (me) => <ServicePage me={me} /> },
  { key: 'imports', label: '数据导入', roles: ['admin'], render: (me) => <ImportsPage me={me} /> },
  { key: 'users', label: '总部账号', roles: ['admin'], render: (me) => <UsersPage me={me} /> },
  { key: 'audit', label: '操作日志', roles: ['admin'], render: () => <AuditPage /> },
  { key: 'password', label: '修改密码', roles: ALL, render: () => <PasswordPage /> },
];

export function ConsoleApp() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [page, setPage] = useState('halls');
  const signedOut = useCallback(() => setMe(null), []);

  useEffect(() => {
    whenSignedOut(signedOut);
    get<Me>('/console/api/me').then(setMe, signedOut);
  }, [signedOut]);

  if (me === undefined) return <Spin fullscreen />;
  if (me === null)
    return (
      <LoginPage
        onSignedIn={(m) => {
          setMe(m);
          setPage('halls');
        }}
      />
    );

  const pages = PAGES.filter((p) => p.roles.includes(me.role));
  const current = pages.find((p) => p.key === page) ?? pages[0]!;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="console-header">
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          GasDesk 总部管理台
        </Typography.Title>
        <Space style={{ color: '#fff' }}>
          <span data-testid="console-user">
            {me.displayName}（{CONSOLE_ROLE_NAMES[me.role]}
            {me.role === 'hall_manager' ? `：${me.halls.join('、')}` : ''}）
          </span>
          <Button size="small" onClick={() => void post('/console/api/logout').finally(signedOut)}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light" className="console-menu">
          <Menu
            mode="inline"
            aria-label="页面"
            selectedKeys={[current.key]}
            items={pages.map((p) => ({ key: p.key, label: p.label }))}
            onClick={(e) => setPage(e.key)}
          />
        </Layout.Sider>
        <Layout.Content className="console-content">
          <main aria-label={current.label}>{current.render(me)}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
