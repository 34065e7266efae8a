/**
 * Live 购气 quote: asks `sales.quote` a moment after the cashier stops typing, drops answers that arrive
 * out of order, and says whether the quote on screen is for exactly what is typed now. Runtime: browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, Quote } from '../../../core/contract';
import { api, ApiError } from '../../api/client';

export type Purchase = OpInput<'sales.quote'>;

interface State {
  key: string;
  quote?: Quote;
  error?: ApiError;
}

export interface QuoteState {
  /** The last quote received (possibly for an earlier figure while a new one is on its way). */
  quote?: Quote;
  /** The quote is for exactly the purchase typed now. */
  fresh: boolean;
  loading: boolean;
  error?: ApiError;
  /** Quotes now, without waiting; resolves to the fresh quote (undefined on failure). */
  refresh(): Promise<Quote | undefined>;
}

export function useQuote(purchase: Purchase | undefined, delayMs = 250): QuoteState {
  const key = purchase ? JSON.stringify(purchase) : '';
  const [state, setState] = useState<State>({ key: '' });
  const [last, setLast] = useState<Quote>();
  const seq = useRef(0);
  const latest = useRef<Purchase | undefined>(purchase);
  latest.current = purchase;

  const run = useCallback(async (p: Purchase, k: string): Promise<Quote | undefined> => {
    const mine = ++seq.current;
    try {
      const quote = await api['sales.quote'](p);
      if (mine === seq.current) {
        setState({ key: k, quote });
        setLast(quote);
      }
      return quote;
    } catch (e) {
      if (mine === seq.current) setState({ key: k, error: e instanceof ApiError ? e : undefined });
      return undefined;
    }
  }, []);

  useEffect(() => {
    if (!key) {
      seq.current++;
      setState({ key: '' });
      setLast(undefined);
      return;
    }
    const p = latest.current;
    if (!p) return;
    const timer = window.setTimeout(() => void run(p, key), delayMs);
    return () => window.clearTimeout(timer);
  }, [key, delayMs, run]);

  const refresh = useCallback(async () => {
    const p = latest.current;
    return p ? run(p, JSON.stringify(p)) : undefined;
  }, [run]);

  const current = state.key === key && key !== '';
  return {
    quote: current && state.error ? undefined : last,
    fresh: current && !!state.quote,
    loading: key !== '' && !current,
    error: current ? state.error : undefined,
    refresh,
  };
}
