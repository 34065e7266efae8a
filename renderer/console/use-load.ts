/**
 * What the console loads: a list on mount and on `reload()` (useLoad), or a query's answer when the form is sent
 * (useRun); head office's refusal kept as text either way. Runtime: browser.
 */
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './api';

export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

/** A query run when its form is sent: the last answer, the refusal of the last run as text, and whether one runs. */
export function useRun<Q, T>(fetch: (q: Q) => Promise<T>) {
  const [result, setResult] = useState<T>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (q: Q) => {
    setBusy(true);
    try {
      setResult(await fetch(q));
      setProblem(undefined);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { result, problem, busy, run };
}
