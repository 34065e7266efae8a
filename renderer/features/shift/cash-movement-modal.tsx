/** 现金存入 / 取出 with a reason (shifts.cashMovement), confirmed with its amount first. Runtime: browser. */
import { App as AntApp, Form, Input } from 'antd';
import { useCallback } from 'react';
import { reasonSchema, type ShiftReport } from '../../../core/contract';
import type { CashMovementKind } from '../../../core/domain/cash';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { fenOf, yuan, maxYuan, yuanRule } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';

interface Values {
  amount?: string;
  reason?: string;
}

interface Props {
  kind: CashMovementKind;
  onDone(report: ShiftReport): void;
  onCancel(): void;
}

export function CashMovementModal({ kind, onDone, onCancel }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);

  const submit = useCallback(
    async (v: Values) => {
      const amount = fenOf(v.amount);
      if (amount === undefined) return;
      try {
        const report = await api['shifts.cashMovement']({ kind, amount, reason: v.reason ?? '' });
        message.success(
          fmt(t.shift.movementDone, { kind: t.shift.movementKinds[kind], amount: yuan(amount) }),
        );
        onDone(report);
      } catch (e) {
        onError(e);
      }
    },
    [kind, message, onDone, onError, t],
  );

  return (
    <FormModal
      title={t.shift.movementTitle[kind]}
      form={form}
      okText={t.shift.movementTitle[kind]}
      width={480}
      confirm={(v) => ({
        title: fmt(t.shift.movementConfirmTitle, { kind: t.shift.movementKinds[kind] }),
        content: (
          <p data-testid="movement-confirm">
            {fmt(t.shift.movementConfirm, {
              kind: t.shift.movementKinds[kind],
              amount: yuan(fenOf(v.amount) ?? 0),
              reason: v.reason ?? '',
            })}
          </p>
        ),
      })}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item
        name="amount"
        label={t.shift.movementAmount}
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
      <Form.Item
        name="reason"
        label={t.shift.reason}
        required
        rules={[zodRule(reasonSchema, { emptyAs: '' })]}
      >
        <Input placeholder={t.shift.movementReason} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
