/** 冲正 a gas sale (sales.reverse): reason and a supervisor's approval. Runtime: browser. */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import { reasonSchema, type Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { type ApprovalValues, ApprovalFields } from '../../shell/approval-fields';
import { FormModal } from '../../shell/form-modal';
import { m3, yuan } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';
import { useCorrectionErrors } from './correction-errors';

interface Values {
  reason?: string;
  approval?: ApprovalValues;
}

export function ReverseModal({ sale, onDone, onCancel }: { sale: Sale; onDone(): void; onCancel(): void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useCorrectionErrors(form);
  const [problem, setProblem] = useState<string>();

  const submit = useCallback(
    async (v: Values) => {
      try {
        const r = await api['sales.reverse']({
          saleId: sale.id,
          reason: v.reason ?? '',
          ...(v.approval ? { approval: v.approval } : {}),
        });
        message.success(fmt(t.reverse.success, { receiptNo: r.receiptNo }));
        onDone();
      } catch (e) {
        setProblem(onError(e));
      }
    },
    [message, onDone, onError, sale.id, t],
  );

  return (
    <FormModal
      title={fmt(t.reverse.title, { receiptNo: sale.receiptNo })}
      form={form}
      okText={t.records.reverse}
      danger
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="warning" showIcon className="form-alert" title={t.reverse.warning} />
      <p>
        {fmt(t.reverse.summary, {
          volume: m3(sale.volume),
          amount: yuan(sale.amount),
          paid: yuan(sale.amountPaid),
        })}
      </p>
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
