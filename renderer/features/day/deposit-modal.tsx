/**
 * 缴款: the day's cash taken to the bank (deposits.record); for a closed day, 补录 — said before it is
 * recorded. Runtime: browser.
 */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { contract } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { fenOf, maxYuan, yuan, yuanRule } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';

interface Values {
  amount?: string;
  bank?: string;
  reference?: string;
}

const s = contract['deposits.record'].input.shape;

export function DepositModal(props: {
  businessDate: string;
  late?: boolean;
  onDone(): void;
  onCancel(): void;
}) {
  const { businessDate, late, onDone, onCancel } = props;
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      const amount = fenOf(v.amount);
      if (amount === undefined) return;
      try {
        await api['deposits.record']({
          businessDate,
          amount,
          bank: v.bank ?? '',
          reference: v.reference ?? '',
        });
        message.success(t.day.depositDone);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [businessDate, message, onDone, onError, t],
  );

  return (
    <FormModal
      title={`${late ? t.day.depositLateTitle : t.day.depositTitle} · ${businessDate}`}
      form={form}
      okText={t.day.deposit}
      width={480}
      confirm={(v) => ({
        title: t.day.depositConfirmTitle,
        content: (
          <p data-testid="deposit-confirm">
            {fmt(t.day.depositConfirm, {
              date: businessDate,
              amount: yuan(fenOf(v.amount) ?? 0),
              bank: v.bank ?? '',
              reference: v.reference ?? '',
            })}
          </p>
        ),
      })}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {late && <Alert type="warning" showIcon className="form-alert" title={t.day.depositLateHint} />}
      <Form.Item
        name="amount"
        label={t.day.depositAmount}
        required
        rules={[
          yuanRule({
            invalid: t.money.invalidYuan,
            min: { value: 1, message: t.money.invalidYuan },
            max: maxYuan(t, t.tender.amount),
          }),
        ]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item name="bank" label={t.day.bank} required rules={[zodRule(s.bank, { emptyAs: '' })]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t.day.reference}
        required
        rules={[zodRule(s.reference, { emptyAs: '' })]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
