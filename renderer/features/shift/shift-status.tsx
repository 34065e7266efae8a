/**
 * The operator's shift in the status bar (cashier, supervisor, admin): open, with its business day, or not
 * open. Asked every 20 s and whenever the page regains focus (opening or closing a shift). Runtime: browser.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';

const POLL_MS = 20_000;

export function ShiftStatusItem() {
  const t = useT();
  const [date, setDate] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    const ask = async () => {
      try {
        const r = await api['shifts.current']({});
        if (alive) setDate(r.shift ? r.shift.businessDate : null);
      } catch {
        // A lock or an expired login is the shell's business; the bar keeps what it knew.
      }
    };
    void ask();
    const timer = window.setInterval(() => void ask(), POLL_MS);
    window.addEventListener('focus', ask);
    window.addEventListener('gasdesk:shift-changed', ask);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', ask);
      window.removeEventListener('gasdesk:shift-changed', ask);
    };
  }, []);

  if (date === undefined) return null;
  return (
    <span className={date ? 'tone-good' : 'tone-warn'} data-testid="shift-status">
      {date ? fmt(t.cashShell.shiftOpen, { date }) : t.cashShell.shiftNone}
    </span>
  );
}
