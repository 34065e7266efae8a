/**
 * Inside a card dialog: what is in the reader right now (read on open, after every card or training action,
 * and on 重新读卡), against what the dialog needs — a blank card, or this customer's card. The server still
 * decides; this only saves the operator a refused attempt. Runtime: browser.
 */
import { Alert, Button } from 'antd';
import { useCallback, useEffect } from 'react';
import type { CardRead } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import type { Tone } from './card-model';
import { useReaderChange } from './reader-events';
import { useCardRead, useStateMessage } from './use-card-read';

interface Props {
  /** 'blank' for issuing and replacing; a customer id for writing that customer's card. */
  expect: 'blank' | { customerId: string };
}

export function ReaderLine({ expect }: Props) {
  const t = useT();
  const stateMessage = useStateMessage();
  const { read, error, loading, refresh } = useCardRead();
  const again = useCallback(() => void refresh(), [refresh]);
  useEffect(again, [again]);
  useReaderChange(again);

  const line = ((): { tone: Tone; text: string } | undefined => {
    if (error) return { tone: 'error', text: error };
    if (!read) return undefined;
    return expect === 'blank' ? blankLine(read) : customerLine(read, expect.customerId);
  })();

  function blankLine(r: CardRead): { tone: Tone; text: string } {
    if (r.state === 'blank') return { tone: 'success', text: t.readerLine.blankReady };
    if (r.state === 'no_card') return { tone: 'warning', text: stateMessage(r) };
    return { tone: 'error', text: fmt(t.readerLine.notBlank, { message: stateMessage(r) }) };
  }

  function customerLine(r: CardRead, customerId: string): { tone: Tone; text: string } {
    if (r.customer && r.card) {
      const text = fmt(t.readerLine.cardOf, {
        name: r.customer.name,
        accountNo: r.customer.accountNo,
        cardNo: r.card.cardNo,
      });
      if (r.customer.id !== customerId) return { tone: 'error', text };
      if (r.state !== 'ok') return { tone: 'error', text: `${text} ${stateMessage(r)}` };
      return { tone: 'success', text };
    }
    return { tone: r.state === 'no_card' ? 'warning' : 'error', text: stateMessage(r) };
  }

  return (
    <Alert
      className="form-alert reader-line"
      data-testid="reader-line"
      showIcon
      type={line?.tone ?? 'info'}
      title={
        <span>
          <strong>{t.readerLine.label}</strong>
          {loading && !line ? t.readerLine.reading : line?.text}
        </span>
      }
      action={
        <Button size="small" loading={loading} onClick={again}>
          {t.readerLine.reread}
        </Button>
      }
    />
  );
}
