/**
 * One sale's receipt at the counter: its preview (receipts.preview: what the printer would print) and its
 * prints (receipts.print; the server marks a second print 重打 and counts it). With `auto`, it prints once by
 * itself — once per sale, however often the screen is drawn. A print problem never touches the sale: the
 * PRINTER_* message says what happened, and 补打 tries again. Runtime: browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useErrorText } from '../../shell/errors';
import { columnsOfWidth, type PrintedReceipt } from './paper-model';
import { usePrinter } from './printer-status';

export type PrintState =
  | { kind: 'idle' }
  | { kind: 'printing' }
  | { kind: 'printed'; copyNo: number; reprint: boolean; paperNearEnd: boolean }
  | { kind: 'failed'; message: string };

/** Sales printed by themselves in this page's life (a redraw never prints again). */
const autoPrinted = new Set<string>();

export interface ReceiptJob {
  readonly state: PrintState;
  readonly receipt?: PrintedReceipt;
  readonly columns: number;
  readonly previewing: boolean;
  print(): Promise<void>;
}

/** Runs one print and says how it went (shared by receipts and reports). */
export function usePrintRunner<R extends { copyNo: number; reprint: boolean; paperNearEnd: boolean }>(
  run: () => Promise<R>,
  onPrinted?: (r: R) => void,
  initial: PrintState = { kind: 'idle' },
) {
  const errorText = useErrorText();
  const { refresh } = usePrinter();
  const [state, setState] = useState<PrintState>(initial);
  const busy = useRef(false);
  const print = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'printing' });
    try {
      const r = await run();
      onPrinted?.(r);
      setState({ kind: 'printed', copyNo: r.copyNo, reprint: r.reprint, paperNearEnd: r.paperNearEnd });
    } catch (e) {
      setState({ kind: 'failed', message: errorText(e) });
    } finally {
      busy.current = false;
      refresh();
    }
  }, [run, onPrinted, errorText, refresh]);
  return { state, print };
}

/**
 * `paper` names which paper the sale has now: a gas sale whose gas is not on the card prints a 待写卡 slip
 * ('slip'), and once the write is confirmed its receipt ('receipt') — each printed by itself once.
 */
export function useReceiptPrint(saleId: string, auto: boolean, paper = 'receipt'): ReceiptJob {
  const { info } = usePrinter();
  // What the paper beside the result shows: the paper printed or previewed last, for the sale's paper now.
  const [shown, setShown] = useState<{ paper: string; receipt: PrintedReceipt }>();
  const receipt = shown?.paper === paper ? shown.receipt : undefined;
  const [columns, setColumns] = useState<number>(() =>
    info?.settings ? columnsOfWidth(info.settings.width) : 48,
  );
  const [previewing, setPreviewing] = useState(true);
  const key = `${saleId}:${paper}`;
  const willAuto = auto && !autoPrinted.has(key);
  const run = useCallback(() => api['receipts.print']({ saleId }), [saleId]);
  const printed = useCallback(
    (r: { receipt: PrintedReceipt }) => setShown({ paper, receipt: r.receipt }),
    [paper],
  );
  const { state, print } = usePrintRunner(run, printed, willAuto ? { kind: 'printing' } : { kind: 'idle' });

  useEffect(() => {
    let alive = true;
    setPreviewing(true);
    api['receipts.preview']({ saleId })
      .then((p) => {
        if (!alive) return;
        setColumns(p.columns);
        setShown((old) => (old?.paper === paper ? old : { paper, receipt: p.receipt }));
      })
      .catch(() => {
        // The preview is a courtesy: printing (and its message) works without it.
      })
      .finally(() => alive && setPreviewing(false));
    return () => {
      alive = false;
    };
  }, [saleId, paper]);

  useEffect(() => {
    if (!auto || autoPrinted.has(key)) return;
    autoPrinted.add(key);
    void print();
  }, [auto, key, print]);

  return { state, receipt, columns, previewing, print };
}
