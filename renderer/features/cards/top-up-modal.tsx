/**
 * 掉气补气 (cards.topUp): the customer's last purchase, never loaded into the meter, written onto the card once
 * more under a new purchase count — free, with a reason and a supervisor's approval. Runtime: browser.
 */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { type ApprovalValues, ApprovalFields } from '../../shell/approval-fields';
import { FormModal } from '../../shell/form-modal';
import { m3 } from '../../shell/money';
import { rules } from '../customers/field-rules';
import { useCorrectionErrors } from '../sales/correction-errors';
import { useTraining } from './devices';
import { ReaderLine } from './reader-line';
import { announceReaderChange } from './reader-events';
import { useLastTry } from './use-last-try';

interface Values {
  reason?: string;
  approval?: ApprovalValues;
}

export function TopUpModal({ sale, onDone, onCancel }: { sale: Sale; onDone(): void; onCancel(): void }) {
  const t = useT();
  const training = useTraining();
  const { message } = AntApp.useApp();
  const withLastTry = useLastTry();
  const [form] = Form.useForm<Values>();
  const onError = useCorrectionErrors(form);
  const [problem, setProblem] = useState<string>();

  const submit = useCallback(
    async (v: Values) => {
      try {
        const r = await withLastTry((confirmLastTry) =>
          api['cards.topUp']({
            saleId: sale.id,
            reason: v.reason ?? '',
            ...(v.approval ? { approval: v.approval } : {}),
            confirmLastTry,
          }),
        );
        if (!r) return;
        message.success(fmt(t.topUp.success, { volume: m3(r.volume), count: r.purchaseCount }));
        onDone();
      } catch (e) {
        setProblem(onError(e));
      } finally {
        announceReaderChange();
      }
    },
    [message, onDone, onError, sale.id, t, withLastTry],
  );

  return (
    <FormModal
      title={fmt(t.topUp.title, { receiptNo: sale.receiptNo })}
      form={form}
      okText={t.topUp.action}
      focusTrap={!training}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="warning" showIcon className="form-alert" title={t.topUp.warning} />
      <p>{fmt(t.topUp.summary, { volume: m3(sale.volume) })}</p>
      {sale.customer && <ReaderLine expect={{ customerId: sale.customer.id }} />}
      {problem && <Alert type="error" showIcon role="alert" className="form-alert" title={problem} />}
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={t.topUp.reasonPlaceholder} maxLength={200} />
      </Form.Item>
      <ApprovalFields />
    </FormModal>
  );
}
