/**
 * 补卡 (cards.replace): the old card is blocked and the blank card in the reader gets the database's purchase
 * count — and the last purchase again if it never reached the meter. 补卡费 is charged under 收费项目.
 * Runtime: browser.
 */
import { Alert, Form, Input } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { rules } from '../customers/field-rules';
import { useTraining } from './devices';
import type { CardDialogProps } from './notice';
import { ReaderLine } from './reader-line';
import { announceReaderChange } from './reader-events';

interface Values {
  reason?: string;
}

export function ReplaceCardModal({ customer, onDone, onCancel }: CardDialogProps) {
  const t = useT();
  const training = useTraining();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      try {
        const r = await api['cards.replace']({ customerId: customer.id, reason: v.reason ?? '' });
        onDone({
          type: 'success',
          title: fmt(t.replaceCard.success, { cardNo: r.card.cardNo }),
          lines: [
            r.rewroteLastPurchase ? t.replaceCard.rewrote : t.replaceCard.notRewrote,
            t.replaceCard.feeReminder,
          ],
        });
      } catch (e) {
        onError(e);
      } finally {
        announceReaderChange();
      }
    },
    [customer.id, onDone, onError, t],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, {
        action: t.replaceCard.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      form={form}
      okText={t.replaceCard.title}
      focusTrap={!training}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="info" showIcon className="form-alert" title={t.replaceCard.insertBlank} />
      <ReaderLine expect="blank" />
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={t.replaceCard.reasonPlaceholder} maxLength={200} />
      </Form.Item>
      <Alert type="warning" showIcon className="form-alert" title={t.replaceCard.feeReminder} />
    </FormModal>
  );
}
