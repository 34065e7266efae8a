/**
 * The training world's state (training.state) while the panel is open: fetched on opening, every two
 * seconds (the counter's own card writes change the cards too) and after each action, which also tells the
 * counter's reader lines to read again. Runtime: browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainingState } from '../../../core/contract';
import { api } from '../../api/client';
import { useReportError } from '../../shell/errors';
import { announceReaderChange, useReaderChange } from '../cards/reader-events';

const POLL_MS = 2000;

export function useTrainingWorld(open: boolean) {
  const report = useReportError();
  const [state, setState] = useState<TrainingState>();
  const [busy, setBusy] = useState(false);
  const last = useRef('');

  const keep = useCallback((s: TrainingState) => {
    const json = JSON.stringify(s);
    if (json !== last.current) {
      last.current = json;
      setState(s);
    }
  }, []);

  const refresh = useCallback(async () => {
    try {
      keep(await api['training.state']({}));
    } catch {
      // A lock or an expired login is the shell's business; the panel keeps what it showed.
    }
  }, [keep]);

  useEffect(() => {
    if (!open) return;
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [open, refresh]);
  useReaderChange(
    useCallback(() => {
      if (open) void refresh();
    }, [open, refresh]),
  );

  /** Runs one training action; the answer is the new state. */
  const act = useCallback(
    async (op: () => Promise<TrainingState>): Promise<TrainingState | undefined> => {
      setBusy(true);
      try {
        const s = await op();
        keep(s);
        return s;
      } catch (e) {
        report(e);
        return undefined;
      } finally {
        setBusy(false);
        announceReaderChange();
      }
    },
    [keep, report],
  );

  return { state, busy, act };
}
