/**
 * The buttons of one 业务记录 row: 预览/补打 (the receipt), 写卡 / 重新写卡 (cards.writeSale, straight away),
 * 掉气补气, 冲正 and 退款 (dialogs the section opens). Card work and receipts are open to every counter role;
 * money back only to a cashier.
 * Runtime: browser.
 */
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import type { Sale } from '../../../core/contract';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { announceReaderChange } from '../cards/reader-events';
import { useSaleCardWrite } from '../cards/use-sale-card-write';
import { canReverse, cardWriteAction, refundable } from './sales-model';

export type SaleDialog =
  | { kind: 'preview'; sale: Sale }
  | { kind: 'printed'; sale: Sale; title: string }
  | { kind: 'reverse'; sale: Sale }
  | { kind: 'refund'; sale: Sale; max: number }
  | { kind: 'topUp'; sale: Sale };

interface Props {
  sale: Sale;
  canSell: boolean;
  /** This row is the one 掉气补气 may repeat. */
  topUp: boolean;
  onOpen(dialog: SaleDialog): void;
  onChanged(): void;
}

export function SaleRowActions({ sale, canSell, topUp, onOpen, onChanged }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const cardWrite = useSaleCardWrite({ printReceipt: true });
  const [busy, setBusy] = useState(false);
  const write = cardWriteAction(sale);
  const max = canSell ? refundable(sale) : 0;

  const writeCard = async () => {
    setBusy(true);
    try {
      const r = await cardWrite.write(sale.id);
      if (!r) return;
      if (r.status === 'completed') message.success(t.writeCard.completed);
      else if (r.status === 'card_write_failed') message.error(t.writeCard.failed);
      else message.warning(t.writeCard.pending);
      onChanged();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
      announceReaderChange();
    }
  };

  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => onOpen({ kind: 'preview', sale })} data-testid="sale-preview">
        {t.print.preview}
      </Button>
      {write && (
        <Button size="small" type="primary" loading={busy} onClick={() => void writeCard()}>
          {write === 'write' ? t.writeCard.write : t.writeCard.rewrite}
        </Button>
      )}
      {topUp && (
        <Button size="small" onClick={() => onOpen({ kind: 'topUp', sale })}>
          {t.topUp.action}
        </Button>
      )}
      {canSell && canReverse(sale) && (
        <Button size="small" danger onClick={() => onOpen({ kind: 'reverse', sale })}>
          {t.records.reverse}
        </Button>
      )}
      {max > 0 && (
        <Button size="small" onClick={() => onOpen({ kind: 'refund', sale, max })}>
          {t.records.refund}
        </Button>
      )}
      {cardWrite.dialog}
    </Space>
  );
}
