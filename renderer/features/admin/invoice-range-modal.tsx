/** 登记发票号段 (invoices.addRange): for one cashier or the whole counter. Runtime: browser. */
import { App as AntApp, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { contract, type Staff } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { applyIssues, useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { checkInput, zodRule } from '../../shell/zod-rules';
import { IntegerInput } from '../../shell/integer-input';

interface Values {
  operatorId?: string;
  prefix?: string;
  first?: string;
  last?: string;
  width: number;
}

const numberOf = (text: string | undefined) =>
  text && /^\d{1,12}$/.test(text.trim()) ? Number(text) : undefined;
const s = contract['invoices.addRange'].input;

export function InvoiceRangeModal({
  staff,
  onDone,
  onCancel,
}: {
  staff: Staff[];
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const v = t.invoices;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const numberRule = {
    validator: async (_r: unknown, text: string | undefined) => {
      const n = numberOf(text);
      if (n === undefined || n < 1) throw new Error(v.badNumber);
    },
  };

  const submit = useCallback(
    async (values: Values) => {
      const input = {
        ...(values.operatorId ? { operatorId: values.operatorId } : {}),
        prefix: values.prefix?.trim().toUpperCase() ?? '',
        first: numberOf(values.first) ?? 0,
        last: numberOf(values.last) ?? 0,
        width: values.width,
      };
      const check = checkInput(s, input);
      if (!check.ok) return void applyIssues(form, check.issues);
      try {
        await api['invoices.addRange'](input);
        message.success(v.created);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [form, message, onDone, onError, v],
  );

  return (
    <FormModal
      title={v.create}
      form={form}
      width={560}
      initialValues={{ width: 8, prefix: '' }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="operatorId" label={v.operator} extra={v.operatorHint}>
        <Select
          allowClear
          options={staff.map((x) => ({ value: x.id, label: `${x.displayName}（${x.username}）` }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="prefix" label={v.prefix}>
            <Input autoComplete="off" maxLength={12} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="width" label={v.width} required rules={[zodRule(s.shape.width)]}>
            <IntegerInput className="full-width" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="first" label={v.first} required rules={[numberRule]}>
            <Input inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="last" label={v.last} required rules={[numberRule]}>
            <Input inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
