/** 登记表具 (customers.addMeter): one more meter, with a reason. Runtime: browser. */
import { App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import type { ChangeModalProps } from './edit-customer-modal';
import { rules } from './field-rules';
import { MeterFields, type MeterValues, NEW_METER, toMeterInput } from './meter-fields';

interface Values {
  meter?: MeterValues;
  reason?: string;
}

export function AddMeterModal({ customer, onDone, onCancel }: ChangeModalProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      try {
        const updated = await api['customers.addMeter']({
          id: customer.id,
          expectedVersion: customer.version,
          meter: toMeterInput(v.meter ?? {}),
          reason: v.reason ?? '',
        });
        message.success(t.addMeter.success);
        onDone(updated);
      } catch (e) {
        onError(e);
      }
    },
    [customer, message, onDone, onError, t],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, {
        action: t.addMeter.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      form={form}
      initialValues={{ meter: { ...NEW_METER } }}
      width={900}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <MeterFields base={['meter']} />
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
