/** 新建员工 (staff.create): login name, name, one or several roles, initial password. Runtime: browser. */
import { App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { contract } from '../../../core/contract';
import type { Role } from '../../../core/domain/roles';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { zodRule } from '../../shell/zod-rules';
import { sameAs } from './password-confirm';
import { RolesField } from './roles-modal';

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  confirm: string;
}

const s = contract['staff.create'].input.shape;

export function CreateStaffModal({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async ({ confirm: _confirm, ...input }: Values) => {
      try {
        await api['staff.create'](input);
        message.success(t.staff.created);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [message, onDone, onError, t],
  );

  return (
    <FormModal
      title={t.staff.create}
      form={form}
      initialValues={{ roles: ['clerk'] }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item
        name="username"
        label={t.staff.username}
        required
        rules={[zodRule(s.username, { emptyAs: '' })]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t.staff.displayName} required rules={[zodRule(s.displayName)]}>
        <Input />
      </Form.Item>
      <RolesField rule={zodRule(s.roles)} />
      <Form.Item name="password" label={t.staff.password} required rules={[zodRule(s.password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.staff.confirmPassword}
        required
        dependencies={['password']}
        rules={[sameAs('password', t.errors.passwordMismatch)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
