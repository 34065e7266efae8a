/** The logged-in layout: header, left menu, the current page, and the status bar. Runtime: browser. */
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CustomerDetailPage } from '../features/customers/customer-detail-page';
import { OpenAccountPage } from '../features/customers/open-account-page';
import { SearchPage } from '../features/customers/search-page';
import { SettingsPage } from '../features/settings/settings-page';
import { StaffPage } from '../features/staff/staff-page';
import { useT } from '../i18n';
import { LanguageSwitch } from './language-switch';
import { type Nav, NavContext, type Route } from './nav';
import { useSession } from './session';
import { useGlobalShortcuts } from './shortcuts';
import { StatusBar } from './status-bar';

const CLERK_ROLES = new Set(['clerk', 'supervisor', 'admin']);

function menuKey(route: Route): string {
  return route.name === 'staff' || route.name === 'settings' ? route.name : 'customers';
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'search':
      return <SearchPage />;
    case 'open':
      return <OpenAccountPage />;
    case 'customer':
      return <CustomerDetailPage key={route.id} id={route.id} />;
    case 'staff':
      return <StaffPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function MainLayout() {
  const t = useT();
  const { session, lock, logout } = useSession();
  const [route, setRoute] = useState<Route>({ name: 'search' });
  const [searchFocus, setSearchFocus] = useState(0);
  const isAdmin = session.staff.role === 'admin';
  const canOpen = CLERK_ROLES.has(session.staff.role);

  const focusSearch = useCallback(() => {
    setRoute((r) => (r.name === 'search' ? r : { name: 'search' }));
    setSearchFocus((n) => n + 1);
  }, []);
  const openAccount = useCallback(() => {
    if (canOpen) setRoute({ name: 'open' });
  }, [canOpen]);
  useGlobalShortcuts({ search: focusSearch, openAccount }, !session.locked);

  const nav = useMemo<Nav>(
    () => ({ route, go: setRoute, searchFocus, focusSearch }),
    [route, searchFocus, focusSearch],
  );

  const items = [
    { key: 'customers', label: t.shell.menuCustomers },
    ...(isAdmin
      ? [
          { key: 'staff', label: t.shell.menuStaff },
          { key: 'settings', label: t.shell.menuSettings },
        ]
      : []),
  ];

  return (
    <NavContext.Provider value={nav}>
      <Layout className="main-layout">
        <Layout.Header className="app-header">
          <div className="app-title">
            <Typography.Text strong className="app-name">
              {t.app.short}
            </Typography.Text>
            <Typography.Text className="hall-name">
              {session.counter.hallName} · {session.counter.counterName}
            </Typography.Text>
          </div>
          <Space size="middle">
            <span className="operator">
              {session.staff.displayName} <Tag color="blue">{t.roles[session.staff.role]}</Tag>
            </span>
            <LanguageSwitch />
            <Button onClick={() => void lock()}>{t.shell.lock}</Button>
            <Button onClick={() => void logout()}>{t.shell.logout}</Button>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={168} theme="light" className="app-sider">
            <Menu
              mode="inline"
              selectedKeys={[menuKey(route)]}
              items={items}
              onClick={({ key }) =>
                setRoute(key === 'customers' ? { name: 'search' } : ({ name: key } as Route))
              }
            />
          </Layout.Sider>
          <Layout.Content className="app-content">
            <Page route={route} />
          </Layout.Content>
        </Layout>
        <StatusBar />
      </Layout>
    </NavContext.Provider>
  );
}
