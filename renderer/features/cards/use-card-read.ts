/** cards.read on demand, keeping only the latest answer (reads may overlap). Runtime: browser. */
import { useCallback, useRef, useState } from 'react';
import type { CardRead } from '../../../core/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { isApiError } from '../../shell/errors';

export function useCardRead() {
  const { lang, t } = useI18n();
  const [read, setRead] = useState<CardRead>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  const refresh = useCallback(async (): Promise<CardRead | undefined> => {
    const n = ++seq.current;
    setLoading(true);
    try {
      const r = await api['cards.read']({});
      if (n === seq.current) {
        setRead(r);
        setError(undefined);
      }
      return r;
    } catch (e) {
      if (n === seq.current) {
        setRead(undefined);
        setError(isApiError(e) ? (lang === 'en' ? e.body.messageEn : e.body.message) : t.errors.unexpected);
      }
      return undefined;
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, [lang, t]);

  return { read, error, loading, refresh };
}

/** The read state's sentence: the server's Chinese message, or the dictionary's in English. */
export function useStateMessage() {
  const { lang, t } = useI18n();
  return useCallback(
    (r: Pick<CardRead, 'state' | 'message'>) => (lang === 'en' ? t.cardRead.states[r.state] : r.message),
    [lang, t],
  );
}
