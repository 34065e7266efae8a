/**
 * 收款方式: one cash row paying the whole amount due (实收 → 找零 shown large); more rows split the payment
 * over bank card, WeChat Pay or Alipay with their 流水号, the first row paying what the others leave.
 * Lives inside an antd Form under `tenders`; in refund mode it pays back (no 实收, no change).
 * Runtime: browser.
 */
import { Button, Form, type FormRule, Input, Radio, Space } from 'antd';
import { TENDER_METHODS } from '../../../core/domain/cash';
import { useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { yuan } from '../../shell/money';
import { changeOf, rowAmounts, rowProblem, type TenderRow } from './tender-model';

interface Props {
  due: number;
  refund?: boolean;
  /** Show 找零 here (false: the screen shows it next to its confirm button, pay-bar.tsx). */
  change?: boolean;
}

export function TenderPanel({ due, refund = false, change = true }: Props) {
  const t = useT();
  const form = Form.useFormInstance();
  const rows: TenderRow[] = Form.useWatch('tenders', form) ?? [];
  const amounts = rowAmounts(due, rows);

  const rule =
    (index: number, field: 'amount' | 'received' | 'reference'): FormRule =>
    ({ getFieldValue }) => ({
      validator: async () => {
        const problem = rowProblem(due, getFieldValue('tenders') ?? [], index, field, { refund });
        if (problem) throw new Error(t.tender.problems[problem]);
      },
    });

  return (
    <fieldset className="tender-panel">
      <legend>{refund ? t.tender.refundTitle : t.tender.title}</legend>
      <Form.List name="tenders">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => {
              const row = rows[i];
              const method = row?.method ?? 'cash';
              return (
                <div key={field.key} className="tender-row" data-testid={`tender-row-${i}`}>
                  <Form.Item name={[field.name, 'method']} label={t.tender.method}>
                    <Radio.Group
                      optionType="button"
                      aria-label={t.tender.method}
                      options={TENDER_METHODS.map((m) => ({ value: m, label: t.tenderMethods[m] }))}
                    />
                  </Form.Item>
                  <Space align="start" wrap>
                    {i === 0 ? (
                      <Form.Item label={fields.length > 1 ? t.tender.remainder : t.tender.amount}>
                        <span className="tender-fixed" data-testid="tender-first-amount">
                          {yuan(amounts[0] ?? 0)}
                        </span>
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'amount']}
                        label={t.tender.amount}
                        rules={[rule(i, 'amount')]}
                      >
                        <Input inputMode="decimal" autoComplete="off" className="money-input" />
                      </Form.Item>
                    )}
                    {method === 'cash' && !refund && (
                      <Form.Item
                        name={[field.name, 'received']}
                        label={t.tender.received}
                        rules={[rule(i, 'received')]}
                      >
                        <Input inputMode="decimal" autoComplete="off" className="money-input" />
                      </Form.Item>
                    )}
                    {method !== 'cash' && (
                      <Form.Item
                        name={[field.name, 'reference']}
                        label={t.tender.reference}
                        required
                        rules={[rule(i, 'reference')]}
                      >
                        <Input autoComplete="off" maxLength={64} />
                      </Form.Item>
                    )}
                    {i > 0 && (
                      <Button className="tender-remove" onClick={() => remove(field.name)}>
                        {t.tender.remove}
                      </Button>
                    )}
                  </Space>
                </div>
              );
            })}
            {fields.length < 4 && (
              <Button
                type="dashed"
                onClick={() => {
                  add({ method: 'wechat' });
                  window.setTimeout(() => form.focusField(['tenders', fields.length, 'amount']));
                }}
              >
                {t.tender.add}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {!refund && change && (
        <BigAmount label={t.tender.change} fen={changeOf(due, rows)} tone="good" testId="change" />
      )}
    </fieldset>
  );
}
