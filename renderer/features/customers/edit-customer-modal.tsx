/** 修改档案 (customers.update): editable fields, a required reason, only the changed fields sent. */
import { App as AntApp, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { contract, type Customer } from '../../../core/contract';
import { USER_CLASSES } from '../../../core/domain/customer';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { applyIssues, useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { checkInput } from '../../shell/zod-rules';
import { AddressFields } from './address-fields';
import { InspectionCols } from './section-fields';
import { diffEdit, type EditValues, editValuesOf } from './edit-model';
import { rules } from './field-rules';
import { IntegerInput } from '../../shell/integer-input';

export interface ChangeModalProps {
  customer: Customer;
  onDone(customer: Customer): void;
  onCancel(): void;
}

const withoutChanges = (path: (string | number)[]) => (path[0] === 'changes' ? path.slice(1) : path);

export function EditCustomerModal({ customer, onDone, onCancel }: ChangeModalProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EditValues>();
  const onError = useFormErrors(form, withoutChanges);

  const submit = useCallback(
    async (v: EditValues) => {
      const changes = diffEdit(customer, v);
      if (Object.keys(changes).length === 0) {
        message.info(t.errors.nothingChanged);
        return;
      }
      const input = { id: customer.id, expectedVersion: customer.version, changes, reason: v.reason ?? '' };
      const check = checkInput(contract['customers.update'].input, input);
      if (!check.ok) {
        applyIssues(form, check.issues, withoutChanges);
        return;
      }
      try {
        const updated = await api['customers.update'](input);
        message.success(t.edit.success);
        onDone(updated);
      } catch (e) {
        onError(e);
      }
    },
    [customer, form, message, onDone, onError, t],
  );

  return (
    <FormModal
      title={t.edit.title}
      form={form}
      initialValues={editValuesOf(customer)}
      width={860}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="phone" label={t.fields.phone} required rules={rules.phone}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="altPhone" label={t.fields.altPhone} rules={rules.altPhone}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="householdSize" label={t.fields.householdSize} required rules={rules.householdSize}>
            <IntegerInput className="full-width" />
          </Form.Item>
        </Col>
      </Row>
      <AddressFields />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="userClass" label={t.fields.userClass} required rules={rules.userClass}>
            <Select options={USER_CLASSES.map((c) => ({ value: c, label: t.userClasses[c] }))} />
          </Form.Item>
        </Col>
        <InspectionCols span={8} />
      </Row>
      <Form.Item name="notes" label={t.fields.notes} rules={rules.notes}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={t.edit.reasonPlaceholder} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
