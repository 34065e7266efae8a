/**
 * 冲正 a gas sale, with a reason and a supervisor's approval. A purchase written to a card is reversed with
 * cards.reverseSale (the card, in the reader, is cleared first; refused once the gas is in the meter); one
 * that never reached a card with sales.reverse. Each answers which one it needs (CARD_REQUIRED, or
 * SALE_NOT_ON_CARD), so the other is tried then. Runtime: browser.
 */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import { reasonSchema, type Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { isApiError } from '../../shell/errors';
import { fmt, useT } from '../../i18n';
import { type ApprovalValues, ApprovalFields } from '../../shell/approval-fields';
import { BigAmount } from '../../shell/big-amount';
import { FormModal } from '../../shell/form-modal';
import { m3, yuan } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';
import { useTraining } from '../cards/devices';
import { ReaderLine } from '../cards/reader-line';
import { announceReaderChange } from '../cards/reader-events';
import { useLastTry } from '../cards/use-last-try';
import { useCorrectionErrors } from './correction-errors';
import { reversesOnCard } from './sales-model';

interface Values {
  reason?: string;
  approval?: ApprovalValues;
}

interface Props {
  sale: Sale;
  /** With the reversal just recorded (its receipt is shown next). */
  onDone(reversal: Sale): void;
  onCancel(): void;
}

export function ReverseModal({ sale, onDone, onCancel }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useCorrectionErrors(form);
  const [problem, setProblem] = useState<string>();
  const training = useTraining();
  const withLastTry = useLastTry();

  const submit = useCallback(
    async (v: Values) => {
      const input = {
        saleId: sale.id,
        reason: v.reason ?? '',
        ...(v.approval ? { approval: v.approval } : {}),
      };
      const onCard = () =>
        withLastTry((confirmLastTry) => api['cards.reverseSale']({ ...input, confirmLastTry }));
      const offCard = () => api['sales.reverse'](input);
      try {
        let r: Sale | undefined;
        try {
          r = await (reversesOnCard(sale) ? onCard() : offCard());
        } catch (e) {
          if (isApiError(e, 'CARD_REQUIRED')) r = await onCard();
          else if (isApiError(e, 'SALE_NOT_ON_CARD')) r = await offCard();
          else throw e;
        }
        if (!r) return;
        message.success(fmt(t.reverse.success, { receiptNo: r.receiptNo }));
        onDone(r);
      } catch (e) {
        setProblem(onError(e));
      } finally {
        announceReaderChange();
      }
    },
    [message, onDone, onError, sale, t, withLastTry],
  );

  return (
    <FormModal
      title={fmt(t.reverse.title, { receiptNo: sale.receiptNo })}
      form={form}
      okText={t.records.reverse}
      danger
      focusTrap={!training}
      confirm={() => ({
        title: t.confirm.reverseTitle,
        content: fmt(t.confirm.reverseContent, {
          receiptNo: sale.receiptNo,
          amount: yuan(Math.abs(sale.amountPaid)),
        }),
      })}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="warning" showIcon className="form-alert" title={t.reverse.warning} />
      <BigAmount label={t.print.paidBack} fen={Math.abs(sale.amountPaid)} capitals />
      <p>
        {fmt(t.reverse.summary, {
          volume: m3(sale.volume),
          amount: yuan(sale.amount),
          paid: yuan(sale.amountPaid),
        })}
      </p>
      {sale.customer && <ReaderLine expect={{ customerId: sale.customer.id }} />}
      {problem && <Alert type="error" showIcon role="alert" className="form-alert" title={problem} />}
      <Form.Item
        name="reason"
        label={t.fields.reason}
        required
        rules={[zodRule(reasonSchema, { emptyAs: '' })]}
      >
        <Input placeholder={t.reverse.reasonPlaceholder} maxLength={200} />
      </Form.Item>
      <ApprovalFields />
    </FormModal>
  );
}
