/** The customer at the counter: the file (customers.get) and the balance (sales.balance). Runtime: browser. */
import { useCallback, useEffect, useState } from 'react';
import type { Customer } from '../../../core/contract';
import { api } from '../../api/client';
import { useReportError } from '../../shell/errors';

export function useServedCustomer(initialId?: string) {
  const report = useReportError();
  const [customer, setCustomer] = useState<Customer>();
  const [balance, setBalance] = useState<number>();
  const [loading, setLoading] = useState(!!initialId);

  const choose = useCallback(
    async (id: string): Promise<Customer | undefined> => {
      setLoading(true);
      try {
        const [c, b] = await Promise.all([
          api['customers.get']({ id }),
          api['sales.balance']({ customerId: id }).catch(() => undefined),
        ]);
        setCustomer(c);
        setBalance(b?.balance);
        return c;
      } catch (e) {
        report(e);
        return undefined;
      } finally {
        setLoading(false);
      }
    },
    [report],
  );

  const clear = useCallback(() => {
    setCustomer(undefined);
    setBalance(undefined);
  }, []);

  useEffect(() => {
    if (initialId) void choose(initialId);
  }, [initialId, choose]);

  return { customer, balance, loading, choose, clear };
}
