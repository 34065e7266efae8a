/** 调整岗位 (staff.setRoles): one or several roles; the field is shared with 新建员工. Runtime: browser. */
import { App as AntApp, Checkbox, Form, type FormRule, Typography } from 'antd';
import { useCallback } from 'react';
import { contract, type Staff } from '../../../core/contract';
import { ROLES, type Role } from '../../../core/domain/roles';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { zodRule } from '../../shell/zod-rules';

/** The roles as check boxes (several may be ticked), with what holding them means. */
export function RolesField({ rule }: { rule: FormRule }) {
  const t = useT();
  return (
    <Form.Item
      name="roles"
      label={t.staff.role}
      required
      rules={[rule]}
      extra={<Typography.Text type="secondary">{t.staff.rolesHint}</Typography.Text>}
    >
      <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
    </Form.Item>
  );
}

const s = contract['staff.setRoles'].input.shape;

export function RolesModal({ staff, onDone, onCancel }: { staff: Staff; onDone(): void; onCancel(): void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: { roles: Role[] }) => {
      try {
        await api['staff.setRoles']({ staffId: staff.id, roles: v.roles });
        message.success(t.staff.rolesDone);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [message, onDone, onError, staff.id, t],
  );

  return (
    <FormModal
      title={fmt(t.staff.rolesTitle, { name: staff.displayName })}
      form={form}
      initialValues={{ roles: staff.roles }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <RolesField rule={zodRule(s.roles)} />
    </FormModal>
  );
}
