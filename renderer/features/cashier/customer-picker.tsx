/**
 * The cashier's customer box: Enter searches (customers.search); one hit is taken at once, several are
 * listed and ↑ ↓ Enter picks one; Esc clears the list. Runtime: browser.
 */
import { Alert, Form, Input, type InputRef, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { contract, type CustomerSummary } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { totalText } from '../../shell/format';
import { ResultsTable } from '../customers/results-table';

const queryRule = contract['customers.search'].input.shape.query;

interface Props {
  id: string;
  label: string;
  /** Focus the box again each time this number changes. */
  focusTick: number;
  onPick(customer: CustomerSummary): void;
  /** Enter in the empty box: the customer is optional and the operator goes on without one. */
  onSkip?(): void;
}

export function CustomerPicker({ id, label, focusTick, onPick, onSkip }: Props) {
  const t = useT();
  const report = useReportError();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<CustomerSummary[] | null>(null);
  const [truncated, setTruncated] = useState<number | false>(false);
  const [active, setActive] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const input = useRef<InputRef>(null);

  useEffect(() => {
    void focusTick;
    input.current?.focus({ cursor: 'all' });
  }, [focusTick]);

  const pick = (c: CustomerSummary) => {
    setItems(null);
    setActive(null);
    setQuery('');
    onPick(c);
  };

  const search = async () => {
    const checked = queryRule.safeParse(query);
    if (!checked.success) return setError(checked.error.issues[0]?.message);
    setError(undefined);
    try {
      const result = await api['customers.search']({ query, kind: 'auto' });
      if (result.items.length === 1) return pick(result.items[0]!);
      setItems(result.items);
      setTruncated(result.truncated && result.total);
      setActive(result.items.length ? 0 : null);
    } catch (e) {
      report(e);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const n = items?.length ?? 0;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((a) => (a === null ? 0 : Math.min(a + 1, n - 1)));
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a === null ? 0 : Math.max(a - 1, 0)));
    } else if (e.key === 'Escape' && items) {
      e.preventDefault();
      setItems(null);
      setActive(null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      const chosen = active === null ? undefined : items?.[active];
      if (chosen) pick(chosen);
      else if (onSkip && query.trim() === '') onSkip();
      else void search();
    }
  };

  return (
    <div className="customer-picker">
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          htmlFor={id}
          validateStatus={error ? 'error' : undefined}
          help={error}
          extra={t.sale.findHint}
        >
          <Input
            id={id}
            ref={input}
            value={query}
            placeholder={t.sale.findPlaceholder}
            autoComplete="off"
            allowClear
            onChange={(e) => {
              setQuery(e.target.value);
              setItems(null);
              setActive(null);
            }}
            onKeyDown={onKeyDown}
          />
        </Form.Item>
      </Form>
      {items && items.length === 0 && (
        <Typography.Paragraph type="secondary">{t.sale.noResult}</Typography.Paragraph>
      )}
      {items && truncated !== false && (
        <Alert
          type="info"
          showIcon
          title={fmt(t.search.truncated, { n: items.length, total: totalText(truncated) })}
          className="form-alert"
        />
      )}
      {items && items.length > 0 && <ResultsTable items={items} active={active} onOpen={pick} />}
    </div>
  );
}
