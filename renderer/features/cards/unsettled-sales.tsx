/**
 * A customer's paid gas sales whose gas is not on a card (待写卡, 写卡失败; not refunded), shown where their
 * card is read — the 读卡 screen on F5 and the 购气 screen's card line — each with why and what next, and the
 * action: 写卡 / 重新写卡 (last try confirmed, a flagged card approved by a 班长) or 退款 (a cashier's).
 * Runtime: browser.
 */
import { Alert, App as AntApp, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { yuan } from '../../shell/money';
import { may, SELLER_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { RefundModal } from '../sales/refund-modal';
import { cardWriteAction, refundable, unsettledOf } from '../sales/sales-model';
import { announceReaderChange } from './reader-events';
import { useSaleCardWrite } from './use-sale-card-write';

interface Props {
  customerId: string;
  /** Changes whenever the card was read again (the read itself will do): the list is fetched again. */
  tick: unknown;
}

export function UnsettledSales({ customerId, tick }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const { session } = useSession();
  const cardWrite = useSaleCardWrite({ printReceipt: true });
  const [items, setItems] = useState<Sale[]>([]);
  const [busy, setBusy] = useState<string>();
  const [refunding, setRefunding] = useState<Sale>();
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    void tick;
    void loaded;
    let alive = true;
    api['sales.list']({ customerId, limit: 100 })
      .then((r) => alive && setItems(unsettledOf(r.items)))
      .catch(() => alive && setItems([]));
    return () => {
      alive = false;
    };
  }, [customerId, tick, loaded]);

  const write = useCallback(
    async (sale: Sale) => {
      setBusy(sale.id);
      try {
        const r = await cardWrite.write(sale.id);
        if (!r) return;
        if (r.status === 'completed') message.success(t.writeCard.completed);
        else if (r.status === 'card_write_failed') message.error(r.cardProblem ?? t.writeCard.failed);
        else message.warning(t.writeCard.pending);
      } catch (e) {
        report(e);
      } finally {
        setBusy(undefined);
        setLoaded((n) => n + 1);
        announceReaderChange();
      }
    },
    [cardWrite, message, report, t],
  );

  if (items.length === 0) return null;
  const canRefund = may(session.staff.roles, SELLER_ROLES);
  return (
    <Alert
      type="warning"
      showIcon
      className="form-alert"
      data-testid="unsettled-sales"
      title={fmt(t.cardWrite.unsettledTitle, { n: items.length })}
      description={
        <Space direction="vertical" size={4}>
          <Typography.Text type="secondary">{t.cardWrite.unsettledHint}</Typography.Text>
          {items.map((s) => (
            <div key={s.id} data-testid={`unsettled-${s.receiptNo}`}>
              <Space wrap>
                <strong>
                  {fmt(t.cardWrite.unsettledLine, {
                    receiptNo: s.receiptNo,
                    date: s.businessDate,
                    amount: yuan(s.amountPaid),
                    status: t.saleStatuses[s.status],
                  })}
                </strong>
                <Button size="small" type="primary" loading={busy === s.id} onClick={() => void write(s)}>
                  {cardWriteAction(s) === 'write' ? t.writeCard.write : t.writeCard.rewrite}
                </Button>
                {canRefund && refundable(s) > 0 && (
                  <Button size="small" danger onClick={() => setRefunding(s)}>
                    {t.cardWrite.refund}
                  </Button>
                )}
              </Space>
              {s.cardProblem && <Typography.Paragraph type="danger">{s.cardProblem}</Typography.Paragraph>}
            </div>
          ))}
          {cardWrite.dialog}
          {refunding && (
            <RefundModal
              sale={refunding}
              refundable={refundable(refunding)}
              onDone={() => {
                setRefunding(undefined);
                setLoaded((n) => n + 1);
              }}
              onCancel={() => setRefunding(undefined)}
            />
          )}
        </Space>
      }
    />
  );
}
