/**
 * 客户档案查询: one box (F3 or / focuses it), a kind selector, Enter searches; ↑ ↓ pick a row and Enter
 * opens it. When nothing here matches — or with 查询其他营业厅 — head office is asked for other halls'
 * customers (other-halls.tsx). Runtime: browser.
 */
import { Alert, Button, Form, Input, type InputRef, Select, Space, Typography } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { contract, type CustomerSummary } from '../../../core/contract';
import { SEARCH_KINDS, type SearchKind } from '../../../core/domain/search';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { totalText } from '../../shell/format';
import { useNav } from '../../shell/nav';
import { CLERK_ROLES, may } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { RoleHome } from '../home/role-home';
import { OtherHalls } from './other-halls';
import { ResultsTable } from './results-table';
import { getSearchState, type SearchState, saveSearchState } from './search-state';

const queryRule = contract['customers.search'].input.shape.query;

export function SearchPage() {
  const t = useT();
  const nav = useNav();
  const { session } = useSession();
  const report = useReportError();
  const [state, setState] = useState<SearchState>(getSearchState);
  const [active, setActive] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [queryError, setQueryError] = useState<string>();
  /** Requests to ask head office for other halls' customers, and the query they were made for. */
  const [otherAsk, setOtherAsk] = useState({ n: 0, query: '' });
  const askOtherHalls = (query: string) => setOtherAsk((a) => ({ n: a.n + 1, query }));
  const input = useRef<InputRef>(null);
  /** An input method is composing (拼音 being typed): its keys, Enter included, are the IME's, not ours. */
  const composing = useRef(false);
  const items = state.result?.items ?? [];

  // Focus the box on arrival and again each time F3 or / asks for it (searchFocus counts those requests).
  useEffect(() => {
    void nav.searchFocus;
    input.current?.focus({ cursor: 'all' });
  }, [nav.searchFocus]);

  const update = (next: SearchState) => {
    saveSearchState(next);
    setState(next);
  };

  const search = async () => {
    const checked = queryRule.safeParse(state.query);
    if (!checked.success) return setQueryError(checked.error.issues[0]?.message);
    setQueryError(undefined);
    setBusy(true);
    try {
      const result = await api['customers.search']({ query: state.query, kind: state.kind });
      update({ ...state, result });
      setActive(null);
      if (result.items.length === 0) askOtherHalls(state.query);
      else setOtherAsk((a) => ({ n: 0, query: a.query }));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  // Stable, so that a keystroke in the box re-renders neither the results (memoised) nor the other halls' list.
  const go = nav.go;
  const open = useCallback((c: CustomerSummary) => go({ name: 'customer', id: c.id }), [go]);
  const openId = useCallback((id: string) => go({ name: 'customer', id }), [go]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter that picks an IME candidate is not a search (Chromium marks it composing, keyCode 229).
    if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setActive((a) => (a === null ? 0 : Math.min(a + 1, items.length - 1)));
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((a) => (a === null ? null : Math.max(a - 1, 0)));
    } else if (e.key === 'Escape') {
      setActive(null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = active === null ? undefined : items[active];
      if (chosen) open(chosen);
      else void search();
    }
  };

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{t.search.title}</Typography.Title>
        {may(session.staff.roles, CLERK_ROLES) && (
          <Button type="primary" onClick={() => nav.go({ name: 'open' })}>
            {t.search.open}
          </Button>
        )}
      </Space>
      <Form layout="inline" component="div" className="search-bar">
        <Form.Item label={t.search.kind} htmlFor="search-kind">
          <Select<SearchKind>
            id="search-kind"
            className="search-kind"
            value={state.kind}
            onChange={(kind) => update({ ...state, kind })}
            options={SEARCH_KINDS.map((k) => ({ value: k, label: t.searchKinds[k] }))}
          />
        </Form.Item>
        <Form.Item
          label={t.search.label}
          htmlFor="search-query"
          className="search-query-item"
          validateStatus={queryError ? 'error' : undefined}
          help={queryError}
        >
          <Input
            id="search-query"
            ref={input}
            value={state.query}
            placeholder={t.search.placeholder}
            allowClear
            autoComplete="off"
            onChange={(e) => {
              setActive(null);
              update({ ...state, query: e.target.value });
            }}
            onKeyDown={onKeyDown}
            onCompositionStart={() => {
              composing.current = true;
            }}
            onCompositionEnd={() => {
              composing.current = false;
            }}
          />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void search()}>
          {t.search.submit}
        </Button>
        <Button
          className="search-other-halls"
          onClick={() => {
            const checked = queryRule.safeParse(state.query);
            if (!checked.success) return setQueryError(checked.error.issues[0]?.message);
            setQueryError(undefined);
            askOtherHalls(state.query);
          }}
        >
          {t.search.otherHalls}
        </Button>
      </Form>
      {!state.result && <Typography.Paragraph type="secondary">{t.search.hint}</Typography.Paragraph>}
      {!state.result && <RoleHome />}
      {state.result && (
        <>
          <Typography.Paragraph type="secondary" className="result-count" aria-live="polite">
            {items.length ? fmt(t.search.count, { n: totalText(state.result.total) }) : t.search.noResult}
          </Typography.Paragraph>
          {state.result.truncated && (
            <Alert
              type="info"
              showIcon
              title={fmt(t.search.truncated, { n: items.length, total: totalText(state.result.total) })}
              className="form-alert"
            />
          )}
          {items.length > 0 && <ResultsTable items={items} active={active} onOpen={open} />}
        </>
      )}
      <OtherHalls query={otherAsk.query} ask={otherAsk.n} onOpen={openId} />
    </div>
  );
}
