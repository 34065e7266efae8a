/**
 * After a gas sale: did the card take it? 写卡成功; 写卡失败 with why and what next, and 重新写卡 (the last PSC
 * try after the clerk confirms, a flagged card with a 班长's approval: use-sale-card-write); or — the card
 * left mid-write — 请重新插卡并读卡 with 读卡确认 (cards.read settles it, then the sale is fetched again).
 * Without a reader the sale simply waits for its card (等待写卡). Runtime: browser.
 */
import { Alert, App as AntApp, Button } from 'antd';
import { useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { useDevices } from '../cards/devices';
import { announceReaderChange } from '../cards/reader-events';
import { useStateMessage } from '../cards/use-card-read';
import { useSaleCardWrite } from '../cards/use-sale-card-write';

/** The short word for the result's 状态 line. */
export function useWriteStatusText() {
  const t = useT();
  const devices = useDevices();
  return (sale: Sale): string => {
    if (sale.kind !== 'gas') return t.saleStatuses[sale.status];
    if (sale.status === 'completed') return t.saleWrite.completed;
    if (sale.status === 'card_write_failed') return t.saleWrite.failed;
    return devices?.reader.configured === false ? t.result.pendingCard : t.saleWrite.pending;
  };
}

export function CardWriteResult({ sale, onSaleChange }: { sale: Sale; onSaleChange(sale: Sale): void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const devices = useDevices();
  const cardWrite = useSaleCardWrite();
  const stateMessage = useStateMessage();
  const [busy, setBusy] = useState(false);

  const run = async (op: () => Promise<Sale | undefined>) => {
    setBusy(true);
    try {
      const s = await op();
      if (!s) return;
      if (s.status === 'completed') message.success(t.writeCard.completed);
      else if (s.status === 'card_write_failed') message.error(t.writeCard.failed);
      else message.warning(t.writeCard.pending);
      onSaleChange(s);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
      announceReaderChange();
    }
  };
  const rewrite = () => run(() => cardWrite.write(sale.id));
  const readNow = () =>
    run(async () => {
      const r = await api['cards.read']({});
      if (r.state !== 'ok') message.warning(stateMessage(r));
      return api['sales.get']({ id: sale.id });
    });

  if (sale.status === 'completed')
    return (
      <Alert
        type="success"
        showIcon
        className="card-alert"
        data-testid="card-write-result"
        title={t.saleWrite.completed}
        description={t.saleWrite.completedHint}
      />
    );
  if (sale.status === 'card_write_failed')
    return (
      <>
        <Alert
          type="error"
          showIcon
          className="card-alert"
          data-testid="card-write-result"
          data-problem={sale.cardProblemCode ?? undefined}
          title={t.saleWrite.failed}
          // Why it failed and what to do next, in the counter's words (core/card/write-problems.ts).
          description={sale.cardProblem ?? t.saleWrite.failedHint}
          action={
            <Button type="primary" danger autoFocus loading={busy} onClick={() => void rewrite()}>
              {t.saleWrite.rewrite}
            </Button>
          }
        />
        {cardWrite.dialog}
      </>
    );
  if (devices?.reader.configured === false)
    return <Alert type="info" showIcon className="card-alert" title={t.result.pendingCardHint} />;
  return (
    <Alert
      type="warning"
      showIcon
      className="card-alert"
      data-testid="card-write-result"
      title={t.saleWrite.pending}
      description={t.saleWrite.pendingHint}
      action={
        <Button type="primary" autoFocus loading={busy} onClick={() => void readNow()}>
          {t.saleWrite.readNow}
        </Button>
      }
    />
  );
}
