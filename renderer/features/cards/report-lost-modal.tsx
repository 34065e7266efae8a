/** 挂失 (cards.reportLost): the active card is blocked at once, with a reason. Runtime: browser. */
import { Alert, Form, Input } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { rules } from '../customers/field-rules';
import type { CardDialogProps } from './notice';

interface Values {
  reason?: string;
}

export function ReportLostModal({ customer, onDone, onCancel }: CardDialogProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      try {
        const r = await api['cards.reportLost']({ customerId: customer.id, reason: v.reason ?? '' });
        onDone({
          type: 'warning',
          title: fmt(t.reportLost.success, { cards: r.blocked.join(t.common.listSep) }),
        });
      } catch (e) {
        onError(e);
      }
    },
    [customer.id, onDone, onError, t],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, {
        action: t.reportLost.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      form={form}
      okText={t.reportLost.title}
      danger
      confirm={() => ({
        title: t.confirm.lostTitle,
        content: fmt(t.confirm.lostContent, { name: customer.name, accountNo: customer.accountNo }),
      })}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="warning" showIcon className="form-alert" title={t.reportLost.warning} />
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={t.reportLost.reasonPlaceholder} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
