/**
 * The logged-in layout: header (training panel, operator, language, 关于, lock, logout), left menu with the
 * function keys, the current page, and the status bar; the device, printer and head-office polls that the
 * pages and the status bar share. Runtime: browser.
 */
import { App as AntApp, Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { DevicesContext, useDevicePoll } from '../features/cards/devices';
import { PrinterProvider, usePrinterPoll } from '../features/printing/printer-status';
import { SyncProvider, useSyncPoll } from '../features/sync/sync-status';
import { TrainingPanel } from '../features/training/training-panel';
import { api } from '../api/client';
import { fmt, useT } from '../i18n';
import { AboutDialog } from './about-dialog';
import { useConfirm } from './confirm';
import { NarrowContext } from './narrow';
import { PageErrorBoundary } from './error-boundary';
import { LanguageSwitch } from './language-switch';
import { type Nav, NavContext, type Route } from './nav';
import { menuKey, Page } from './pages';
import { readInPlace } from './read-key';
import { ShortcutsDialog } from './shortcut-list';
import { CLERK_ROLES, may, SELLER_ROLES } from './roles';
import { useSession } from './session';
import { useEscape, useGlobalShortcuts } from './shortcuts';
import { StatusBar } from './status-bar';

/** Pages without an Esc of their own: Esc backs out to the search (the counter's home). */
const ESC_HOME: ReadonlySet<Route['name']> = new Set([
  'cardRead',
  'shift',
  'day',
  'prices',
  'feeCatalogue',
  'invoices',
  'limits',
  'staff',
  'settings',
  'serviceDesk',
]);

export function MainLayout() {
  const t = useT();
  const { session, lock, logout } = useSession();
  const [route, setRoute] = useState<Route>({ name: 'search' });
  const [searchFocus, setSearchFocus] = useState(0);
  const [saleFocus, setSaleFocus] = useState(0);
  const [readTick, setReadTick] = useState(0);
  const [trainingOpen, setTrainingOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useCallback(() => setHelpOpen(true), []);
  const devices = useDevicePoll(!session.locked);
  const printer = usePrinterPoll(!session.locked);
  const sync = useSyncPoll(!session.locked);
  const training = devices?.training ?? false;
  const roles = session.staff.roles;
  const isAdmin = roles.includes('admin');
  const canOpen = may(roles, CLERK_ROLES);
  const canSell = may(roles, SELLER_ROLES);
  const { message } = AntApp.useApp();
  const confirm = useConfirm();
  /** A shortcut this operator's roles do not allow says so, instead of doing nothing. */
  const notAllowed = useCallback(
    (what: string) => void message.warning(fmt(t.shell.notYourKey, { what })),
    [message, t],
  );
  /** Logging out with a shift still open reminds the cashier to hand over (交班) first. */
  const leave = useCallback(async () => {
    const current = canSell ? await api['shifts.current']({}).catch(() => undefined) : undefined;
    if (!current?.shift) return logout();
    confirm({
      title: t.shell.logoutOpenShiftTitle,
      content: t.shell.logoutOpenShift,
      okText: t.shell.logoutAnyway,
      onOk: logout,
    });
  }, [canSell, confirm, logout, t]);

  const focusSearch = useCallback(() => {
    setRoute((r) => (r.name === 'search' ? r : { name: 'search' }));
    setSearchFocus((n) => n + 1);
  }, []);
  const openAccount = useCallback(() => {
    if (canOpen) setRoute({ name: 'open' });
    else notAllowed(t.shell.whatOpen);
  }, [canOpen, notAllowed, t]);
  const sale = useCallback(() => {
    if (!canSell) return notAllowed(t.shell.whatSell);
    setRoute((r) => {
      if (r.name === 'sale') return r;
      if (r.name === 'customer') return { name: 'sale', customerId: r.id };
      if (r.name === 'cardRead' && r.customerId) return { name: 'sale', customerId: r.customerId };
      return { name: 'sale' };
    });
    setSaleFocus((n) => n + 1);
  }, [canSell, notAllowed, t]);
  const fees = useCallback(() => {
    if (canSell) setRoute((r) => (r.name === 'fees' ? r : { name: 'fees' }));
    else notAllowed(t.shell.whatSell);
  }, [canSell, notAllowed, t]);
  const service = useCallback(() => {
    if (canOpen) setRoute((r) => (r.name === 'serviceDesk' ? r : { name: 'serviceDesk' }));
    else notAllowed(t.service.whatService);
  }, [canOpen, notAllowed, t]);
  const shift = useCallback(() => {
    if (canSell) setRoute((r) => (r.name === 'shift' ? r : { name: 'shift' }));
    else notAllowed(t.shell.whatShift);
  }, [canSell, notAllowed, t]);
  // F5: the 购气 screen reads its customer's card in place; elsewhere the 读卡 screen opens (and reads).
  const readCard = useCallback(() => {
    if (readInPlace()) return;
    setRoute((r) => (r.name === 'cardRead' ? r : { name: 'cardRead' }));
    setReadTick((n) => n + 1);
  }, []);
  const toggleTraining = useCallback(() => {
    if (training) setTrainingOpen((o) => !o);
  }, [training]);
  useGlobalShortcuts(
    {
      search: focusSearch,
      openAccount,
      sale,
      fees,
      service,
      shift,
      readCard,
      training: toggleTraining,
      help,
    },
    !session.locked,
  );

  useEscape(focusSearch, !session.locked && ESC_HOME.has(route.name) && !(trainingOpen && training));

  const nav = useMemo<Nav>(
    () => ({ route, go: setRoute, searchFocus, focusSearch, saleFocus, readTick }),
    [route, searchFocus, focusSearch, saleFocus, readTick],
  );

  const keyed = (label: string, key: string) => (
    <span className="menu-label">
      {label}
      <kbd className="menu-key" aria-hidden>
        {key}
      </kbd>
    </span>
  );
  const items: MenuProps['items'] = [
    { key: 'customers', label: keyed(t.shell.menuCustomers, t.keys.search!) },
    { key: 'cardRead', label: keyed(t.cardRead.menu, t.keys.cardRead!) },
    ...(canOpen ? [{ key: 'serviceDesk', label: keyed(t.service.menu, t.keys.service!) }] : []),
    ...(canSell
      ? [
          { key: 'sale', label: keyed(t.cashShell.menuSale, t.keys.sale!) },
          { key: 'shift', label: keyed(t.cashShell.menuShift, t.keys.shift!) },
          { key: 'day', label: t.cashShell.menuDay },
          { key: 'reports', label: t.reports.menu },
        ]
      : []),
    ...(isAdmin
      ? [
          { type: 'divider' as const },
          { key: 'prices', label: t.cashShell.menuPrices },
          { key: 'feeCatalogue', label: t.cashShell.menuFeeCatalogue },
          { key: 'invoices', label: t.cashShell.menuInvoices },
          { key: 'limits', label: t.cashShell.menuLimits },
          { key: 'staff', label: t.shell.menuStaff },
          { key: 'settings', label: t.shell.menuSettings },
        ]
      : []),
  ];

  return (
    <NavContext.Provider value={nav}>
      <DevicesContext.Provider value={devices}>
        <PrinterProvider value={printer}>
          <SyncProvider value={sync}>
            <Layout className={trainingOpen && training ? 'main-layout with-training' : 'main-layout'}>
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
                  {training && (
                    <Button
                      aria-pressed={trainingOpen}
                      aria-keyshortcuts="F9"
                      onClick={toggleTraining}
                      data-testid="training-toggle"
                    >
                      {t.training.toggle}
                    </Button>
                  )}
                  <span className="operator">
                    {session.staff.displayName}{' '}
                    {roles.map((r) => (
                      <Tag key={r} color="blue">
                        {t.roles[r]}
                      </Tag>
                    ))}
                  </span>
                  <LanguageSwitch />
                  <Button onClick={() => setAboutOpen(true)} data-testid="about">
                    {t.about.button}
                  </Button>
                  <Button onClick={() => void lock()}>{t.shell.lock}</Button>
                  <Button onClick={() => void leave()}>{t.shell.logout}</Button>
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
                  <NarrowContext.Provider value={trainingOpen && training}>
                    <PageErrorBoundary key={route.name} onBack={focusSearch}>
                      <Page route={route} />
                    </PageErrorBoundary>
                  </NarrowContext.Provider>
                </Layout.Content>
              </Layout>
              <TrainingPanel open={trainingOpen && training} onClose={() => setTrainingOpen(false)} />
              <StatusBar />
              {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
              {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
            </Layout>
          </SyncProvider>
        </PrinterProvider>
      </DevicesContext.Provider>
    </NavContext.Provider>
  );
}
