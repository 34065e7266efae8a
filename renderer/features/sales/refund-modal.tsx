/** 退款 (sales.refund): amount, how it is paid back, reason and a supervisor's approval. Runtime: browser. */
import { Alert, App as AntApp, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import { reasonSchema, type Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { type ApprovalValues, ApprovalFields } from '../../shell/approval-fields';
import { BigAmount } from '../../shell/big-amount';
import { FormModal } from '../../shell/form-modal';
import { fenOf, fenText, yuan, maxYuan, yuanRule } from '../../shell/money';
import { zodRule } from '../../shell/zod-rules';
import { TenderPanel } from '../cashier/tender-panel';
import { FIRST_ROW, type TenderRow, toTenders } from '../cashier/tender-model';
import { useCorrectionErrors } from './correction-errors';

interface Values {
  amount?: string;
  tenders: TenderRow[];
  reason?: string;
  approval?: ApprovalValues;
}

interface Props {
  sale: Sale;
  refundable: number;
  /** With the refund just recorded (its receipt is shown next). */
  onDone(refund: Sale): void;
  onCancel(): void;
}

export function RefundModal({ sale, refundable, onDone, onCancel }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useCorrectionErrors(form);
  const [problem, setProblem] = useState<string>();
  const amount = fenOf(Form.useWatch('amount', form)) ?? 0;

  const submit = useCallback(
    async (v: Values) => {
      const fen = fenOf(v.amount);
      if (fen === undefined) return;
      try {
        const r = await api['sales.refund']({
          saleId: sale.id,
          amount: fen,
          tenders: toTenders(fen, v.tenders, { refund: true }),
          reason: v.reason ?? '',
          ...(v.approval ? { approval: v.approval } : {}),
        });
        message.success(fmt(t.refund.success, { receiptNo: r.receiptNo }));
        onDone(r);
      } catch (e) {
        setProblem(onError(e));
      }
    },
    [message, onDone, onError, sale.id, t],
  );

  return (
    <FormModal
      title={fmt(t.refund.title, { receiptNo: sale.receiptNo })}
      form={form}
      okText={t.records.refund}
      danger
      skipToggles
      width={720}
      initialValues={{ amount: fenText(refundable), tenders: [FIRST_ROW] }}
      confirm={(v) => ({
        title: t.confirm.refundTitle,
        content: fmt(t.confirm.refundContent, {
          receiptNo: sale.receiptNo,
          amount: yuan(fenOf(v.amount) ?? 0),
        }),
      })}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {problem && <Alert type="error" showIcon role="alert" className="form-alert" title={problem} />}
      <Form.Item
        name="amount"
        label={t.refund.amount}
        extra={fmt(t.refund.refundable, { amount: yuan(refundable) })}
        required
        rules={[
          yuanRule({
            invalid: t.money.invalidYuan,
            min: { value: 1, message: t.money.invalidYuan },
            max: maxYuan(t, t.tender.amount),
          }),
          {
            validator: async (_r, v: string) => {
              const n = fenOf(v);
              if (n !== undefined && n > refundable) throw new Error(t.refund.tooMuch);
            },
          },
        ]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <BigAmount label={t.print.paidBack} fen={amount} capitals tone={amount ? 'normal' : 'muted'} />
      <TenderPanel due={amount} refund />
      <Form.Item
        name="reason"
        label={t.fields.reason}
        required
        rules={[zodRule(reasonSchema, { emptyAs: '' })]}
      >
        <Input placeholder={t.refund.reasonPlaceholder} maxLength={200} />
      </Form.Item>
      <ApprovalFields />
    </FormModal>
  );
}
