/**
 * The application's phases: first-run setup, login, and the logged-in layout with its lock screen.
 * Restores the session on reload (auth.me), and reacts to SESSION_LOCKED / NOT_LOGGED_IN from any call.
 * Runtime: browser.
 */
import { App as AntApp, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, getSessionId, onApiError, onReplayed, setSessionId } from '../api/client';
import { resetSearchState } from '../features/customers/search-state';
import { useT } from '../i18n';
import { setDisplayTimeZone } from './format';
import { LockScreen } from './lock-screen';
import { LoginPage, type LoginNotice } from './login-page';
import { MainLayout } from './main-layout';
import { type Session, type SessionApi, SessionContext } from './session';
import { SetupPage } from './setup-page';
import { useIdleLock } from './use-idle-lock';

type Phase =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: LoginNotice; username?: string }
  | { kind: 'ready'; session: Session };

interface Hall {
  hallName?: string;
  counterName?: string;
}

export function Shell() {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const hall = useRef<Hall>({});
  const { message } = AntApp.useApp();

  useEffect(() => onReplayed(() => void message.info(t.shell.replayed)), [message, t]);

  const boot = useCallback(async () => {
    setPhase({ kind: 'loading' });
    let status: Awaited<ReturnType<(typeof api)['setup.status']>>;
    try {
      status = await api['setup.status']({});
    } catch {
      setPhase({ kind: 'offline' });
      return;
    }
    hall.current = { hallName: status.hallName, counterName: status.counterName };
    if (!status.initialized) return setPhase({ kind: 'setup' });
    if (getSessionId()) {
      try {
        return setPhase({ kind: 'ready', session: await api['auth.me']({}) });
      } catch {
        setSessionId(undefined);
      }
    }
    setPhase({ kind: 'login' });
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  const afterSetup = useCallback(async (username: string) => {
    const status = await api['setup.status']({}).catch(() => undefined);
    hall.current = { hallName: status?.hallName, counterName: status?.counterName };
    setPhase({ kind: 'login', notice: 'setupDone', username });
  }, []);

  useEffect(
    () =>
      onApiError((err) => {
        if (err.code === 'SESSION_LOCKED')
          setPhase((p) => (p.kind === 'ready' ? { ...p, session: { ...p.session, locked: true } } : p));
        else if (err.code === 'NOT_LOGGED_IN') {
          setSessionId(undefined);
          setPhase((p) => (p.kind === 'ready' ? { kind: 'login', notice: 'expired' } : p));
        } else if (err.code === 'SETUP_REQUIRED') setPhase({ kind: 'setup' });
      }),
    [],
  );

  const session = phase.kind === 'ready' ? phase.session : undefined;
  const setSession = useCallback((s: Session) => {
    setSessionId(s.sessionId);
    setPhase({ kind: 'ready', session: s });
  }, []);

  const sessionApi = useMemo<SessionApi | null>(() => {
    if (!session) return null;
    // Before any page renders: dates and times are shown in the counter's business-day zone.
    setDisplayTimeZone(session.counter.timeZone);
    return {
      session,
      update: (patch) =>
        setPhase((p) => (p.kind === 'ready' ? { ...p, session: { ...p.session, ...patch } } : p)),
      lock: async () => {
        await api['auth.lock']({}).catch(() => undefined);
        setPhase((p) => (p.kind === 'ready' ? { ...p, session: { ...p.session, locked: true } } : p));
      },
      logout: async () => {
        await api['auth.logout']({}).catch(() => undefined);
        setSessionId(undefined);
        resetSearchState();
        setPhase({ kind: 'login', notice: 'loggedOut' });
      },
    };
  }, [session]);

  useIdleLock({
    minutes: session?.idleLockMinutes ?? 10,
    enabled: !!session && !session.locked,
    onIdle: () => void sessionApi?.lock(),
    onKeepAlive: () => {
      api['auth.me']({})
        .then((s) => s.locked && sessionApi?.update({ locked: true }))
        .catch(() => undefined);
    },
  });

  switch (phase.kind) {
    case 'loading':
      return (
        <div className="center-page">
          <Spin size="large" description={t.common.loading}>
            <div className="spin-box" />
          </Spin>
        </div>
      );
    case 'offline':
      return (
        <Result
          status="warning"
          title={t.errors.cannotReach}
          extra={
            <Button type="primary" onClick={() => void boot()}>
              {t.common.retry}
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupPage onDone={(username) => void afterSetup(username)} />;
    case 'login':
      return (
        <LoginPage
          {...hall.current}
          notice={phase.notice}
          username={phase.username}
          onLoggedIn={setSession}
        />
      );
    case 'ready':
      return (
        <SessionContext.Provider value={sessionApi}>
          <div className="layout-host" inert={phase.session.locked}>
            <MainLayout />
          </div>
          {phase.session.locked && <LockScreen onUnlocked={setSession} />}
        </SessionContext.Provider>
      );
  }
}
