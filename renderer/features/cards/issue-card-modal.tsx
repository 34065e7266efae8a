/** 发卡 (cards.issue): the blank card in the reader becomes the customer's card. Runtime: browser. */
import { Alert, App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import type { OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { CardModal } from './card-modal';
import { ReaderLine } from './reader-line';
import { announceReaderChange } from './reader-events';

export type IssuedCard = OpOutput<'cards.issue'>;

interface Props {
  customer: { id: string; name: string; accountNo: string };
  okText?: string;
  onDone(card: IssuedCard): void;
  onCancel(): void;
}

export function IssueCardModal({ customer, okText, onDone, onCancel }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  const issue = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      const card = await api['cards.issue']({ customerId: customer.id });
      message.success(fmt(t.issueCard.success, { cardNo: card.cardNo }));
      onDone(card);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
      announceReaderChange();
    }
  }, [busy, customer.id, message, onDone, report, t]);

  return (
    <CardModal
      title={fmt(t.common.dialogTitle, {
        action: t.issueCard.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      okText={okText ?? t.issueCard.ok}
      busy={busy}
      onOk={() => void issue()}
      onCancel={onCancel}
    >
      <Alert type="info" showIcon className="form-alert" title={t.issueCard.insertBlank} />
      <ReaderLine expect="blank" />
    </CardModal>
  );
}
