/**
 * The bottom status bar: operator, counter, card reader (and 培训模式), receipt printer, head office (when
 * this build has it), clock and the shortcuts. Runtime: browser.
 */
import { useEffect, useState } from 'react';
import { serviceAnswers } from '../api/client';
import { ReaderStatus } from '../features/cards/reader-status';
import { PrinterStatusItem } from '../features/printing/printer-status';
import { ShiftStatusItem } from '../features/shift/shift-status';
import { SyncStatusItem } from '../features/sync/sync-status';
import { fmt, useT } from '../i18n';
import { formatDateTime } from './format';
import { may, rolesText, SELLER_ROLES } from './roles';
import { useSession } from './session';

const HEARTBEAT_MS = 5_000;

/** The counter service's heartbeat: false once it stops answering, true again when it answers. */
function useServiceAlive(): boolean {
  const [alive, setAlive] = useState(true);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const ok = await serviceAnswers();
      if (!stopped) setAlive(ok);
    };
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, []);
  return alive;
}

export function StatusBar() {
  const t = useT();
  const { session } = useSession();
  const [now, setNow] = useState(() => new Date().toISOString());
  const alive = useServiceAlive();
  const roles = session.staff.roles;

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <footer className="status-bar">
      <span className="status-operator">
        {fmt(t.shell.operatorLine, { name: session.staff.displayName, role: rolesText(t.roles, roles) })}
      </span>
      <span className="status-counter">
        {/* The hall's name is in the header: here it would push the last items off a 1366-pixel screen. */}
        {fmt(t.shell.counterLine, {
          counter: session.counter.counterName,
          code: `${session.counter.hallCode}-${session.counter.counterCode}`,
        })}
      </span>
      {/* Without the service the devices' last state is unknown: the bar says so instead of showing it green. */}
      {!alive && (
        <span className="status-down" role="alert" data-testid="service-down">
          {t.shell.serviceDown}
        </span>
      )}
      {alive && may(roles, SELLER_ROLES) && <ShiftStatusItem />}
      {alive && <ReaderStatus />}
      {alive && <PrinterStatusItem />}
      {alive && <SyncStatusItem />}
      <span>
        {t.shell.timeLabel}
        <time dateTime={now}>{formatDateTime(now)}</time>
      </span>
      <span className="status-shortcuts" data-testid="status-shortcuts">
        {t.shell.keyHelp}
      </span>
    </footer>
  );
}
