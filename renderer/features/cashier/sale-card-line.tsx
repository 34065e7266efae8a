/**
 * On the 购气 screen, under the customer: is this customer's card in the reader and ready to take gas?
 * Read when the customer is chosen, on F5 (claimed here) or 重新读卡, after a refused sale and whenever the
 * reader changes. A customer without a card gets 发卡 right here (it takes the focus: Enter, then a blank
 * card in the reader and Enter again), and the sale goes on.
 * The sale itself is refused by the server if not; this line only says so first. Under it, the customer's paid
 * purchases whose gas is not on a card, with 重新写卡 / 退款 (UnsettledSales). Runtime: browser.
 */
import { Alert, Button, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { m3 } from '../../shell/money';
import { useLocalRead } from '../../shell/read-key';
import { type SaleCardLine as Line, saleCardLine } from '../cards/card-model';
import { useReaderChange } from '../cards/reader-events';
import { IssueCardModal } from '../cards/issue-card-modal';
import { UnsettledSales } from '../cards/unsettled-sales';
import { useCardRead, useStateMessage } from '../cards/use-card-read';

interface Props {
  customer: Customer;
  tick: number;
  /** A card was issued here: the sale goes on (the figure box takes the focus). */
  onIssued?(): void;
}

export function SaleCardLine({ customer, tick, onIssued }: Props) {
  const t = useT();
  const stateMessage = useStateMessage();
  const { read, error, loading, refresh } = useCardRead();
  const [hasCard, setHasCard] = useState<boolean>();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState(0);
  const issueButton = useRef<HTMLButtonElement>(null);

  const again = useCallback(() => void refresh(), [refresh]);
  useEffect(() => {
    void tick;
    again();
  }, [again, tick]);
  useReaderChange(again);
  useLocalRead(again);
  useEffect(() => {
    void tick;
    void issued;
    api['cards.list']({ customerId: customer.id })
      .then((r) => setHasCard(r.cards.some((c) => c.status === 'active')))
      .catch(() => setHasCard(undefined));
  }, [customer.id, tick, issued]);

  const line: Line | undefined = read ? saleCardLine(read, customer.id, hasCard ?? true) : undefined;
  const noCard = line?.key === 'noActiveCard';
  // No card yet: issuing one is the only way on, so 发卡 takes the focus.
  useEffect(() => {
    if (noCard) issueButton.current?.focus();
  }, [noCard]);
  const text = (l: Line): string => {
    switch (l.key) {
      case 'ready':
        return fmt(t.saleCard.ready, { cardNo: l.cardNo, count: l.count });
      case 'pending':
        return fmt(t.saleCard.pending, { volume: m3(l.volume) });
      case 'wrongCustomer':
        return fmt(t.saleCard.wrongCustomer, { name: l.name, accountNo: l.accountNo });
      case 'state':
        return stateMessage(l);
      default:
        return t.saleCard[l.key];
    }
  };

  return (
    <>
      <Alert
        className="form-section sale-card-line"
        data-testid="sale-card-line"
        data-state={line?.key ?? (error ? 'error' : 'reading')}
        showIcon
        type={error ? 'error' : (line?.tone ?? 'info')}
        title={
          <span>
            <strong>{t.saleCard.title}</strong>
            {error ?? (line ? text(line) : t.saleCard.reading)}
          </span>
        }
        action={
          <Space size={4}>
            {noCard && (
              <Button
                ref={issueButton}
                size="small"
                type="primary"
                onClick={() => setIssuing(true)}
                data-testid="sale-issue-card"
              >
                {t.cardIssue.issue}
              </Button>
            )}
            <Button size="small" loading={loading} aria-keyshortcuts="F5" onClick={again}>
              {t.saleCard.reread}
            </Button>
            {issuing && (
              <IssueCardModal
                customer={customer}
                onDone={() => {
                  setIssuing(false);
                  setIssued((n) => n + 1);
                  again();
                  onIssued?.();
                }}
                onCancel={() => {
                  setIssuing(false);
                  window.setTimeout(() => issueButton.current?.focus());
                }}
              />
            )}
          </Space>
        }
      />
      <UnsettledSales customerId={customer.id} tick={read} />
    </>
  );
}
