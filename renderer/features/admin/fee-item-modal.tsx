/** 新建 / 修改收费项目 (fees.save). Runtime: browser. */
import { App as AntApp, Checkbox, Form, Input } from 'antd';
import { useCallback } from 'react';
import { contract, type FeeItem } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { fenOf, fenText, maxYuan, yuanRule } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';

interface Values {
  code?: string;
  name?: string;
  amount?: string;
  active: boolean;
}

const s = contract['fees.save'].input.shape;
const toForm = (path: (string | number)[]) => (path[0] === 'amountFen' ? ['amount'] : path);

export function FeeItemModal({
  item,
  onDone,
  onCancel,
}: {
  item?: FeeItem;
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const f = t.feeCatalogue;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, toForm);

  const submit = useCallback(
    async (v: Values) => {
      const amountFen = fenOf(v.amount);
      if (amountFen === undefined) return;
      try {
        await api['fees.save']({
          ...(item ? { id: item.id } : {}),
          code: v.code?.trim() ?? '',
          name: v.name ?? '',
          amountFen,
          active: v.active,
        });
        message.success(f.saved);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [f, item, message, onDone, onError],
  );

  return (
    <FormModal
      title={item ? fmt(f.editTitle, { name: item.name }) : f.create}
      form={form}
      width={480}
      skipToggles
      initialValues={
        item
          ? { code: item.code, name: item.name, amount: fenText(item.amountFen), active: item.active }
          : { active: true }
      }
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="code" label={f.code} required rules={[zodRule(s.code, { emptyAs: '' })]}>
        <Input autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name="name" label={f.name} required rules={[zodRule(s.name, { emptyAs: '' })]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={f.amount}
        required
        rules={[yuanRule({ invalid: t.money.invalidYuan, max: maxYuan(t, t.tender.amount) })]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{f.active}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
