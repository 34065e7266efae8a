/** The 收费项目 screen's state: catalogue, customer, quantities, tenders, result (sales.payFees). */
import { App as AntApp, Checkbox, Col, Form, Row, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeeItem, Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useReportError } from '../../shell/errors';
import { useEscape } from '../../shell/shortcuts';
import { CustomerPicker } from './customer-picker';
import { FeeLines } from './fee-lines';
import { feeLines } from './fee-model';
import { focusFirstError, usePaymentErrors } from './payment-errors';
import { SaleCustomerCard } from './sale-customer-card';
import { SaleResult } from './sale-result';
import { PayBar } from './pay-bar';
import { TenderPanel } from './tender-panel';
import { FIRST_ROW, type TenderRow, toTenders } from './tender-model';
import { useServedCustomer } from './use-served-customer';

interface Values {
  qty: Record<string, string | undefined>;
  tenders: TenderRow[];
  issueInvoice: boolean;
}

const INITIAL: Values = { qty: {}, tenders: [FIRST_ROW], issueInvoice: false };

export function FeeDesk() {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const onError = usePaymentErrors(form);
  const served = useServedCustomer();
  const [items, setItems] = useState<FeeItem[]>();
  const [result, setResult] = useState<Sale>();
  const [busy, setBusy] = useState(false);
  const [pickerTick, setPickerTick] = useState(0);
  const formBox = useRef<HTMLDivElement>(null);
  const qty = Form.useWatch('qty', form);
  const { lines, total } = feeLines(items ?? [], qty);

  useEffect(() => {
    api['fees.list']({ includeInactive: false })
      .then((r) => setItems(r.items.filter((i) => i.active)))
      .catch((e) => {
        setItems([]);
        report(e);
      });
  }, [report]);

  const focusFirstQty = useCallback(() => {
    window.setTimeout(() =>
      formBox.current?.querySelector<HTMLInputElement>('[data-testid="fee-lines"] input')?.focus(),
    );
  }, []);

  const clearCustomer = served.clear;
  const next = useCallback(() => {
    setResult(undefined);
    clearCustomer();
    form.resetFields();
    setPickerTick((n) => n + 1);
  }, [clearCustomer, form]);
  useEscape(result ? next : clearCustomer, !!result || !!served.customer);

  const confirm = async () => {
    if (busy) return;
    try {
      await form.validateFields();
    } catch (e) {
      return focusFirstError(form, e);
    }
    if (lines.length === 0) {
      message.warning(t.fees.noLines);
      return focusFirstQty();
    }
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const sale = await api['sales.payFees']({
        ...(served.customer ? { customerId: served.customer.id } : {}),
        lines: lines.map((l) => ({ feeItemId: l.item.id, qty: l.qty })),
        expectedAmountDue: total,
        tenders: toTenders(total, v.tenders),
        issueInvoice: !!v.issueInvoice,
      });
      setResult(sale);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = useEnterNavigation(() => void confirm(), { skipToggles: true });

  if (result) return <SaleResult sale={result} onNext={next} />;
  if (!items) return <Spin className="page-spin" />;

  return (
    <>
      {served.customer ? (
        <SaleCustomerCard
          customer={served.customer}
          balance={served.balance}
          onChange={served.clear}
          warnings={false}
        />
      ) : (
        <CustomerPicker
          id="fee-customer"
          label={t.fees.customer}
          focusTick={pickerTick}
          onPick={(c) => void served.choose(c.id).then(focusFirstQty)}
          onSkip={focusFirstQty}
        />
      )}
      <div ref={formBox}>
        <Form form={form} name="fees" layout="vertical" initialValues={INITIAL} onKeyDownCapture={onKeyDown}>
          <Row gutter={16}>
            <Col span={14}>
              <FeeLines items={items} />
            </Col>
            <Col span={10}>
              <BigAmount label={t.fees.total} fen={total} capitals testId="fee-total" />
              <TenderPanel due={total} change={false} />
              <Form.Item name="issueInvoice" valuePropName="checked">
                <Checkbox>{t.sale.invoice}</Checkbox>
              </Form.Item>
              <PayBar
                due={total}
                busy={busy}
                label={t.fees.confirm}
                testId="fees-confirm"
                onConfirm={() => void confirm()}
              />
            </Col>
          </Row>
        </Form>
      </div>
    </>
  );
}
