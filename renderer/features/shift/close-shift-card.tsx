/**
 * 交班点钞: the counted cash (typed, or counted by denomination), expected vs counted and the difference
 * in large figures, a note when they differ, a supervisor's approval when the difference is above the
 * tolerance (settings), then shifts.close after a confirmation that states the difference. With `forOther`,
 * a supervisor closes the shift a cashier left open (no second approval: the closer is the supervisor).
 * Runtime: browser.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShiftReport } from '../../../core/contract';
import { DEFAULT_SHIFT_TOLERANCE, DENOMINATIONS, differenceNeedsApproval } from '../../../core/domain/cash';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { useConfirm } from '../../shell/confirm';
import { useEnterNavigation } from '../../shell/enter-nav';
import { type ApprovalValues, ApprovalFields, showApprovalError } from '../../shell/approval-fields';
import { isApiError, useFormErrors } from '../../shell/errors';
import { fenOf, fenText, maxYuan, yuan, yuanRule } from '../../shell/money';
import { dialogOpen } from '../../shell/shortcuts';
import { DenominationCount } from './denomination-count';
import { type Pieces, piecesOf } from './denomination-model';

interface Values {
  counted?: string;
  byDenomination: boolean;
  pieces: Pieces;
  note?: string;
  approval?: ApprovalValues;
}

/** 短款 ¥20.00 / 长款 ¥5.00 / 账实相符. */
function useDifferenceText() {
  const t = useT();
  return (d: number) =>
    d === 0
      ? t.shift.closeBalanced
      : fmt(t.shift.closeDifference, {
          kind: d > 0 ? t.shift.over : t.shift.short,
          amount: yuan(Math.abs(d)),
        });
}

export function CloseShiftCard({
  report,
  onClosed,
  forOther = false,
}: {
  report: ShiftReport;
  onClosed(r: ShiftReport): void;
  forOther?: boolean;
}) {
  const t = useT();
  const differenceText = useDifferenceText();
  const { message } = AntApp.useApp();
  const [tolerance, setTolerance] = useState(DEFAULT_SHIFT_TOLERANCE);
  const [askedByServer, setAskedByServer] = useState(false);
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
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => countedRef.current?.focus(), []);
  useEffect(() => {
    api['settings.get']({})
      .then((s) => setTolerance(s.shiftTolerance))
      .catch(() => {}); // the server decides anyway, and asks for the approval if it is needed
  }, []);
  const needsApproval =
    !forOther &&
    difference !== undefined &&
    (askedByServer || differenceNeedsApproval(difference, tolerance));

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
          ...(forOther ? { shiftId: report.shift.id } : {}),
          counted: amount,
          ...(denominations ? { denominations } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(v.approval?.username ? { approval: v.approval } : {}),
        });
        window.dispatchEvent(new Event('gasdesk:shift-changed'));
        message.success(
          forOther ? fmt(t.shift.closedFor, { operator: report.shift.operator.displayName }) : t.shift.closed,
        );
        onClosed(closed);
      } catch (e) {
        if (isApiError(e, 'SHIFT_DIFFERENCE_APPROVAL')) setAskedByServer(true);
        if (isApiError(e, 'APPROVAL_INVALID')) showApprovalError(form, e.body.message);
        onError(e);
      } finally {
        setBusy(false);
      }
    },
    [form, forOther, message, onClosed, onError, report.shift, t],
  );

  const submit = useCallback(async () => {
    if (busy || dialogOpen(rootRef.current)) return;
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
      content: (
        <>
          <p>{fmt(t.shift.closeConfirm, { counted: yuan(amount), expected: yuan(expected) })}</p>
          <p data-testid="close-confirm-difference">
            <strong>{differenceText(amount - expected)}</strong>
          </p>
        </>
      ),
      okText: t.shift.close,
      cancelText: t.common.cancel,
      onOk: () => close(v, amount),
    });
  }, [busy, close, differenceText, expected, form, confirm, t]);

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Card ref={rootRef} size="small" title={t.shift.closeTitle} className="form-section">
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
          rules={[yuanRule({ invalid: t.money.invalidYuan, max: maxYuan(t, t.shift.counted) })]}
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
        {needsApproval && (
          <>
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              data-testid="close-needs-approval"
              title={fmt(t.shift.needsApproval, {
                amount: differenceText(difference),
                tolerance: yuan(tolerance),
              })}
            />
            <ApprovalFields />
          </>
        )}
        <Button type="primary" danger size="large" loading={busy} onClick={() => void submit()}>
          {t.shift.close}
        </Button>
      </Form>
    </Card>
  );
}
