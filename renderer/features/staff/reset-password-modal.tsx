/** 重置密码 (staff.resetPassword): a new password; the account is unlocked too. Runtime: browser. */
import { App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { contract, type Staff } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { zodRule } from '../../shell/zod-rules';
import { sameAs } from './password-confirm';

interface Values {
  newPassword: string;
  confirm: string;
}

const s = contract['staff.resetPassword'].input.shape;

export function ResetPasswordModal({
  staff,
  onDone,
  onCancel,
}: {
  staff: Staff;
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      try {
        await api['staff.resetPassword']({ staffId: staff.id, newPassword: v.newPassword });
        message.success(t.staff.resetDone);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [message, onDone, onError, staff.id, t],
  );

  return (
    <FormModal
      title={fmt(t.staff.resetTitle, { name: staff.displayName })}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="newPassword" label={t.staff.newPassword} required rules={[zodRule(s.newPassword)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.staff.confirmPassword}
        required
        dependencies={['newPassword']}
        rules={[sameAs('newPassword', t.errors.passwordMismatch)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
