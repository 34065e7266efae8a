/**
 * The receipt printer's status (printers.get), polled while the operator is logged in: every 15 s for the
 * status bar (each poll opens a printer connection, so never faster), every 5 s while a screen watches it
 * (系统设置), and at once after each print. Runtime: browser.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { type PrinterInfo, printerStateKey, printerTone } from './printer-model';

const SLOW_MS = 15_000;
const FAST_MS = 5_000;

export interface PrinterState {
  /** The last answer (undefined until the first). */
  readonly info?: PrinterInfo;
  /** Asks again now (after a print, a test page or a change of settings). */
  refresh(): void;
  /** Polls faster until the returned function is called. */
  watch(): () => void;
}

const PrinterContext = createContext<PrinterState>({ refresh: () => {}, watch: () => () => {} });
export const PrinterProvider = PrinterContext.Provider;

export function usePrinter(): PrinterState {
  return useContext(PrinterContext);
}

export function usePrinterPoll(enabled: boolean): PrinterState {
  const [info, setInfo] = useState<PrinterInfo>();
  const [watchers, setWatchers] = useState(0);
  const [kick, setKick] = useState(0);
  const fast = watchers > 0;

  useEffect(() => {
    if (!enabled) return;
    void kick;
    let alive = true;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const s = await api['printers.get']({});
        if (alive) setInfo((old) => (JSON.stringify(old) === JSON.stringify(s) ? old : s));
      } catch {
        // A lock or an expired login is the shell's business; the bar keeps the last known status.
      }
      if (alive) timer = window.setTimeout(() => void tick(), fast ? FAST_MS : SLOW_MS);
    };
    void tick();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [enabled, fast, kick]);

  const refresh = useCallback(() => setKick((n) => n + 1), []);
  const watch = useCallback(() => {
    setWatchers((n) => n + 1);
    return () => setWatchers((n) => n - 1);
  }, []);
  return useMemo(() => ({ info, refresh, watch }), [info, refresh, watch]);
}

/** The status bar's printer part: 打印机：正常 / 纸将尽 / 缺纸 / 盖未关 / 离线 / 切刀错误 / 未连接 / 未设置. */
export function PrinterStatusItem() {
  const { t } = useI18n();
  const { info } = usePrinter();
  if (!info) return null;
  const key = printerStateKey(info);
  return (
    <span
      className={`status-item tone-${printerTone(key)}`}
      title={info.settings ? info.settings.spec : undefined}
      data-testid="printer-status"
    >
      {t.printer.label}
      {t.printer[key]}
    </span>
  );
}
