/** The 购气 screen's state: customer, purchase, live quote, tenders, approval, result. Runtime: browser. */
import { App as AntApp, Checkbox, Col, Form, type InputRef, Row, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import type { ApprovalValues } from '../../shell/approval-fields';
import { useEnterNavigation } from '../../shell/enter-nav';
import { isApiError } from '../../shell/errors';
import { fenOf, MAX_FEN, MAX_VOLUME, volumeOf } from '../../shell/money';
import { useNav } from '../../shell/nav';
import { useSettledFocus } from '../../shell/settled-focus';
import { useEscape } from '../../shell/shortcuts';
import { AmountDuePanel } from './amount-due-panel';
import { CustomerPicker } from './customer-picker';
import { focusFirstError, usePaymentErrors } from './payment-errors';
import { PayBar } from './pay-bar';
import { PurchaseFields, type PurchaseValues } from './purchase-fields';
import { QuoteView } from './quote-view';
import { SaleCardLine } from './sale-card-line';
import { SaleCustomerCard } from './sale-customer-card';
import { SaleResult } from './sale-result';
import { FIRST_ROW, type TenderRow, toTenders } from './tender-model';
import { type Purchase, useQuote } from './use-quote';
import { useServedCustomer } from './use-served-customer';
import { useLastTry } from '../cards/use-last-try';

/** The figure box takes the focus with its text selected, so that typing replaces it. */
const focusAll = (el: { focus(): void }) => (el as InputRef).focus({ cursor: 'all' });

interface Values extends PurchaseValues {
  tenders: TenderRow[];
  issueInvoice: boolean;
  approval?: ApprovalValues;
}

const CARD_REFUSALS = new Set([
  'NO_CARD',
  'NO_ACTIVE_CARD',
  'CARD_BLANK',
  'CARD_FOREIGN',
  'CARD_DAMAGED',
  'CARD_LOCKED',
  'CARD_LAST_TRY',
  'CARD_PSC_WRONG',
  'CARD_PSC_FLAGGED',
  'CARD_BLOCKED',
  'CARD_UNKNOWN',
  'CARD_WRONG_CUSTOMER',
  'CARD_AHEAD',
  'CARD_GAS_PENDING',
  'READER_UNAVAILABLE',
]);

const INITIAL: Values = {
  by: 'volume',
  figure: '',
  useBalance: true,
  tenders: [FIRST_ROW],
  issueInvoice: false,
};

export function SaleDesk({ customerId }: { customerId?: string }) {
  const { t, lang } = useI18n();
  const nav = useNav();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const served = useServedCustomer(customerId);
  const { customer, balance } = served;
  const [result, setResult] = useState<Sale>();
  const [busy, setBusy] = useState(false);
  const [pickerTick, setPickerTick] = useState(0);
  const [cardTick, setCardTick] = useState(0);
  const figureRef = useRef<InputRef>(null);
  const onError = usePaymentErrors(form);
  const withLastTry = useLastTry();
  // The card refused its PSC before: the sale goes on only with a 班长's approval (the fields show).
  const [cardApproval, setCardApproval] = useState(false);

  const by = Form.useWatch('by', form) ?? 'volume';
  const figure = Form.useWatch('figure', form);
  const useBalance = Form.useWatch('useBalance', form) ?? true;
  const purchase = useMemo<Purchase | undefined>(() => {
    if (!customer) return undefined;
    const n = by === 'volume' ? volumeOf(figure) : fenOf(figure);
    // Out of the field's range: no quote (the field says why, with the range), and nothing can be paid.
    if (!n || n <= 0 || n > (by === 'volume' ? MAX_VOLUME : MAX_FEN)) return undefined;
    return { customerId: customer.id, by, ...(by === 'volume' ? { volume: n } : { money: n }), useBalance };
  }, [customer, by, figure, useBalance]);
  const q = useQuote(purchase);

  // A customer arrives: the figure is next — and stays next if the page the operator came from drops the focus.
  useEffect(() => {
    if (customer && !result) window.setTimeout(() => figureRef.current?.focus({ cursor: 'all' }));
  }, [customer, result]);
  useSettledFocus(figureRef, !!customer && !result, focusAll);

  // F2 on this screen: back to the customer box (or the next customer after a sale).
  const clearCustomer = served.clear;
  const next = useCallback(() => {
    setResult(undefined);
    setCardApproval(false);
    clearCustomer();
    form.resetFields();
    setPickerTick((n) => n + 1);
  }, [form, clearCustomer]);
  const f2 = useRef({ result, customer, next });
  f2.current = { result, customer, next };
  useEffect(() => {
    if (nav.saleFocus === 0) return;
    const { result: r, customer: c, next: n } = f2.current;
    if (r) n();
    else if (c) figureRef.current?.focus({ cursor: 'all' });
    else setPickerTick((k) => k + 1);
  }, [nav.saleFocus]);
  useEscape(next, !!customer || !!result);

  const confirm = useCallback(async () => {
    if (busy || !customer) return;
    if (!purchase) {
      // A refused figure says why at the field (its range) and keeps the focus; a blank one asks for it.
      try {
        await form.validateFields(['figure']);
      } catch (e) {
        return focusFirstError(form, e);
      }
      message.warning(t.sale.noQuote);
      figureRef.current?.focus();
      return;
    }
    if (!q.fresh || !q.quote) {
      if (await q.refresh()) message.info(t.sale.staleQuote);
      return;
    }
    try {
      await form.validateFields();
    } catch (e) {
      return focusFirstError(form, e);
    }
    const quote = q.quote;
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const approve = quote.approvalReasons.length > 0 || cardApproval;
      // A card with one PSC try left: the clerk confirms before it is used (nothing is paid before that).
      const sale = await withLastTry((confirmLastTry) =>
        api['sales.sellGas']({
          purchase,
          expectedAmountDue: quote.amountDue,
          tenders: quote.amountDue > 0 ? toTenders(quote.amountDue, v.tenders) : [],
          issueInvoice: !!v.issueInvoice,
          confirmLastTry,
          ...(approve && v.approval ? { approval: v.approval } : {}),
        }),
      );
      if (sale) setResult(sale);
    } catch (e) {
      if (isApiError(e, 'CARD_PSC_FLAGGED')) setCardApproval(true);
      onError(e);
      // Refused because of the card (none, wrong, gas still on it…): show what the reader holds now.
      if (isApiError(e) && CARD_REFUSALS.has(e.code)) setCardTick((n) => n + 1);
      if (
        isApiError(e, 'QUOTE_CHANGED') ||
        isApiError(e, 'LIMIT_EXCEEDED') ||
        isApiError(e, 'HAZARD_APPROVAL_REQUIRED')
      )
        void q.refresh();
    } finally {
      setBusy(false);
    }
  }, [busy, customer, purchase, q, form, message, t, onError, withLastTry, cardApproval]);

  const onKeyDown = useEnterNavigation(() => void confirm(), { skipToggles: true });

  if (result) return <SaleResult sale={result} onNext={next} onSaleChange={setResult} />;
  if (served.loading) return <Spin className="page-spin" />;
  if (!customer)
    return (
      <CustomerPicker
        id="sale-customer"
        label={t.sale.findLabel}
        focusTick={pickerTick}
        onPick={(c) => void served.choose(c.id)}
      />
    );

  const quote = q.quote;
  const errorText = q.error ? (lang === 'en' ? q.error.body.messageEn : q.error.body.message) : undefined;
  return (
    <Form
      form={form}
      name="sale"
      layout="vertical"
      initialValues={INITIAL}
      onKeyDownCapture={onKeyDown}
      onValuesChange={(changed: Partial<Values>) => {
        if ('by' in changed) form.setFieldValue('figure', '');
      }}
    >
      <SaleCustomerCard customer={customer} balance={balance} onChange={next} />
      <SaleCardLine
        customer={customer}
        tick={cardTick}
        onIssued={() => window.setTimeout(() => figureRef.current?.focus({ cursor: 'all' }))}
      />
      <Row gutter={16}>
        <Col span={14}>
          <PurchaseFields by={by} hasBalance={(balance ?? 0) > 0} figureRef={figureRef} />
          {q.loading && !quote && <Spin size="small" description={t.sale.quoting} />}
          {quote && <QuoteView quote={quote} stale={!q.fresh} />}
        </Col>
        <Col span={10}>
          <AmountDuePanel quote={quote} fresh={q.fresh} error={errorText} cardApproval={cardApproval} />
          <Form.Item name="issueInvoice" valuePropName="checked">
            <Checkbox>{t.sale.invoice}</Checkbox>
          </Form.Item>
          <PayBar
            due={quote?.amountDue ?? 0}
            noTenders={!!quote && quote.amountDue === 0}
            busy={busy}
            label={t.sale.confirm}
            testId="sale-confirm"
            onConfirm={() => void confirm()}
          />
        </Col>
      </Row>
    </Form>
  );
}
