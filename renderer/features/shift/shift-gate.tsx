/**
 * Payments need the operator's open shift: the gate asks `shifts.current` and shows the 开班 form first
 * when there is none. Pages below read the shift with `useShift()`. Runtime: browser.
 */
import { Button, Result, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Shift } from '../../../core/contract';
import { api, ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { OpenShiftCard } from './open-shift-card';

interface ShiftState {
  shift: Shift;
  businessDate: string;
  /** Asks the server again (e.g. after NO_OPEN_SHIFT). */
  recheck(): void;
}

const ShiftContext = createContext<ShiftState | null>(null);

export function useShift(): ShiftState {
  const s = useContext(ShiftContext);
  if (!s) throw new Error('useShift outside a ShiftGate');
  return s;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'none'; businessDate: string }
  | { kind: 'open'; shift: Shift; businessDate: string };

export function ShiftGate({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const cur = await api['shifts.current']({});
      setPhase(
        cur.shift
          ? { kind: 'open', shift: cur.shift, businessDate: cur.businessDate }
          : { kind: 'none', businessDate: cur.businessDate },
      );
    } catch (e) {
      const message =
        e instanceof ApiError ? (lang === 'en' ? e.body.messageEn : e.body.message) : t.errors.unexpected;
      setPhase({ kind: 'failed', message });
    }
  }, [lang, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const recheck = useCallback(() => void load(), [load]);

  switch (phase.kind) {
    case 'loading':
      return <Spin className="page-spin" />;
    case 'failed':
      return (
        <Result
          status="warning"
          title={phase.message}
          extra={
            <Button type="primary" onClick={recheck}>
              {t.cashShell.retry}
            </Button>
          }
        />
      );
    case 'none':
      return (
        <OpenShiftCard
          notice={t.shift.needShift}
          onOpened={(shift) => setPhase({ kind: 'open', shift, businessDate: shift.businessDate })}
        />
      );
    case 'open':
      return (
        <ShiftContext.Provider value={{ shift: phase.shift, businessDate: phase.businessDate, recheck }}>
          {children}
        </ShiftContext.Provider>
      );
  }
}
