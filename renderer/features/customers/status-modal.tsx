/** 停用 / 启用 / 销户 (customers.changeStatus) with a reason; 销户 also needs a supervisor's approval. */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { APPROVAL_ACTIONS, type StatusAction } from '../../../core/domain/customer';
import { api } from '../../api/client';
import { fmt, useI18n } from '../../i18n';
import { type ApprovalValues, ApprovalFields, showApprovalError } from '../../shell/approval-fields';
import { isApiError, useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import type { ChangeModalProps } from './edit-customer-modal';
import { rules } from './field-rules';

interface Values {
  reason?: string;
  approval?: ApprovalValues;
}

export function StatusModal({
  customer,
  action,
  onDone,
  onCancel,
}: ChangeModalProps & { action: Exclude<StatusAction, 'transfer'> }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const needsApproval = APPROVAL_ACTIONS.has(action);
  const label = t.statusActions[action];

  const submit = useCallback(
    async (v: Values) => {
      try {
        const updated = await api['customers.changeStatus']({
          id: customer.id,
          expectedVersion: customer.version,
          action,
          reason: v.reason ?? '',
          ...(needsApproval && v.approval ? { approval: v.approval } : {}),
        });
        message.success(fmt(t.statusChange.success, { action: label }));
        onDone(updated);
      } catch (e) {
        if (isApiError(e, 'APPROVAL_INVALID') || isApiError(e, 'APPROVAL_REQUIRED'))
          showApprovalError(form, lang === 'en' ? e.body.messageEn : e.body.message);
        onError(e);
      }
    },
    [action, customer, form, label, lang, message, needsApproval, onDone, onError, t],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, { action: label, name: customer.name, accountNo: customer.accountNo })}
      form={form}
      okText={label}
      danger={action !== 'resume'}
      confirm={
        action === 'close'
          ? () => ({
              title: t.confirm.closeTitle,
              content: fmt(t.confirm.closeContent, { name: customer.name, accountNo: customer.accountNo }),
            })
          : undefined
      }
      onSubmit={submit}
      onCancel={onCancel}
    >
      {action === 'close' && (
        <Alert type="error" showIcon title={t.statusChange.closeWarning} className="form-alert" />
      )}
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={fmt(t.statusChange.reasonPlaceholder, { action: label })} maxLength={200} />
      </Form.Item>
      {needsApproval && <ApprovalFields />}
    </FormModal>
  );
}
