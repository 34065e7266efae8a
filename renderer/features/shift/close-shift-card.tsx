/**
 * 交班点钞: the counted cash (typed, or counted by denomination), expected vs counted and the difference
 * in large figures, a note when they differ, then shifts.close after a confirmation. Runtime: browser.
 */
import { App as AntApp, Button, Card, Checkbox, Form, Input, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShiftReport } from '../../../core/contract';
import { DENOMINATIONS } from '../../../core/domain/cash';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { useConfirm } from '../../shell/confirm';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors } from '../../shell/errors';
import { fenOf, fenText, yuan, yuanRule } from '../../shell/money';
import { dialogOpen } from '../../shell/shortcuts';
import { DenominationCount } from './denomination-count';
import { type Pieces, piecesOf } from './denomination-model';

interface Values {
  counted?: string;
  byDenomination: boolean;
  pieces: Pieces;
  note?: string;
}

export function CloseShiftCard({
  report,
  onClosed,
}: {
  report: ShiftReport;
  onClosed(r: ShiftReport): void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const expected = report.cash.expected;
  const countedText = Form.useWatch('counted', form);
  const byDenomination = Form.useWatch('byDenomination', form);
  const counted = fenOf(countedText);
  const difference = counted === undefined ? undefined : counted - expected;
  const countedRef = useRef<InputRef>(null);
  useEffect(() => countedRef.current?.focus(), []);

  const close = useCallback(
    async (v: Values, amount: number) => {
      setBusy(true);
      try {
        const denominations = v.byDenomination
          ? DENOMINATIONS.map((value) => ({ value, count: piecesOf(v.pieces?.[value]) ?? 0 })).filter(
              (d) => d.count > 0,
            )
          : undefined;
        const closed = await api['shifts.close']({
          counted: amount,
          ...(denominations ? { denominations } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        });
        window.dispatchEvent(new Event('gasdesk:shift-changed'));
        message.success(t.shift.closed);
        onClosed(closed);
      } catch (e) {
        onError(e);
      } finally {
        setBusy(false);
      }
    },
    [message, onClosed, onError, t],
  );

  const submit = useCallback(async () => {
    if (busy || dialogOpen()) return;
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true });
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    const amount = fenOf(v.counted);
    if (amount === undefined) return;
    confirm({
      title: t.shift.closeConfirmTitle,
      content: fmt(t.shift.closeConfirm, { counted: yuan(amount), expected: yuan(expected) }),
      okText: t.shift.close,
      cancelText: t.common.cancel,
      onOk: () => close(v, amount),
    });
  }, [busy, close, expected, form, confirm, t]);

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Card size="small" title={t.shift.closeTitle} className="form-section">
      <Form
        form={form}
        name="closeShift"
        layout="vertical"
        initialValues={{ byDenomination: false, pieces: {} }}
        onKeyDownCapture={onKeyDown}
      >
        <Form.Item name="byDenomination" valuePropName="checked">
          <Checkbox>{t.shift.byDenomination}</Checkbox>
        </Form.Item>
        {byDenomination && (
          <div className="form-section">
            <DenominationCount onTotal={(total) => form.setFieldValue('counted', fenText(total))} />
          </div>
        )}
        <Form.Item
          name="counted"
          label={t.shift.counted}
          required
          rules={[yuanRule({ invalid: t.money.invalidYuan })]}
        >
          <Input
            ref={countedRef}
            inputMode="decimal"
            autoComplete="off"
            className="money-input"
            size="large"
          />
        </Form.Item>
        <div className="result-figures">
          <BigAmount label={t.shift.expected} fen={expected} testId="shift-expected" />
          <BigAmount
            label={t.day.counted}
            fen={counted ?? 0}
            tone={counted === undefined ? 'muted' : 'normal'}
          />
          <BigAmount
            label={
              difference === undefined || difference === 0
                ? `${t.shift.difference}${difference === 0 ? ` · ${t.shift.balanced}` : ''}`
                : `${t.shift.difference} · ${difference > 0 ? t.shift.over : t.shift.short}`
            }
            fen={difference ?? 0}
            tone={difference === undefined ? 'muted' : difference === 0 ? 'good' : 'bad'}
            testId="close-difference"
          />
        </div>
        <Form.Item
          name="note"
          label={t.shift.note}
          required={difference !== undefined && difference !== 0}
          dependencies={['counted']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                const c = fenOf(getFieldValue('counted'));
                if (c !== undefined && c !== expected && !v?.trim()) throw new Error(t.shift.noteRequired);
              },
            }),
          ]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Button type="primary" danger size="large" loading={busy} onClick={() => void submit()}>
          {t.shift.close}
        </Button>
      </Form>
    </Card>
  );
}
