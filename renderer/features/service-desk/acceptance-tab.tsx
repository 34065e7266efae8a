/**
 * 业务受理: the form (customer or prospective customer, business type, channel, what was asked and answered,
 * documents checked, next step), Ctrl+Enter records it; then its 受理通知单 is printed (80 mm) or opened as an
 * A4 page; the latest acceptances below. Runtime: browser.
 */
import { App as AntApp, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Acceptance, BusinessTypeView, CustomerSummary, Sale } from '../../../core/contract';
import { CHANNELS, COMMON_DOCUMENTS } from '../../../core/domain/service-desk';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { useEnterNavigation } from '../../shell/enter-nav';
import { formatDateTime } from '../../shell/format';
import { yuan } from '../../shell/money';
import { OfficePrintButtons } from '../printing/office-print';
import { PartyFields, ProspectiveFields, partyOf } from './party-fields';
import { SourceWorkOrders } from './source-work-orders';

interface Values {
  name?: string;
  phone?: string;
  address?: string;
  typeCode: string;
  channel: (typeof CHANNELS)[number];
  asked: string;
  answered?: string;
  documents?: string[];
  nextStep?: string;
  saleId?: string;
}

export function AcceptanceTab({ focusTick }: { focusTick: number }) {
  const t = useT();
  const s = t.service;
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [types, setTypes] = useState<BusinessTypeView[]>([]);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [prospective, setProspective] = useState(false);
  const [last, setLast] = useState<Acceptance>();
  const [items, setItems] = useState<Acceptance[]>([]);
  const [busy, setBusy] = useState(false);
  const [fees, setFees] = useState<Sale[]>([]);

  // The fee payments it may bring: the customer's, or (a caller not in the files) the latest walk-in ones.
  useEffect(() => {
    let gone = false;
    void api['sales.list']({ customerId: customer?.id, limit: customer ? 50 : 100 })
      .then((r) => {
        if (!gone)
          setFees(
            r.items.filter((x) => x.kind === 'fee' && (customer ? true : x.customer === null)).slice(0, 20),
          );
      })
      .catch(() => !gone && setFees([]));
    return () => {
      gone = true;
    };
  }, [customer]);

  const load = useCallback(async () => {
    try {
      const [ty, list] = await Promise.all([
        api['serviceTypes.list']({}),
        api['acceptances.list']({ limit: 20 }),
      ]);
      setTypes(ty.items.filter((x) => x.active));
      setItems(list.items);
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);

  const submit = useCallback(async () => {
    if (busy) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const a = await api['acceptances.create']({
        ...partyOf(customer, v),
        typeCode: v.typeCode,
        channel: v.channel,
        asked: v.asked ?? '',
        answered: v.answered ?? '',
        documents: v.documents ?? [],
        nextStep: v.nextStep ?? '',
        saleId: v.saleId || undefined,
      });
      message.success(fmt(s.accepted, { no: a.no }));
      setLast(a);
      form.resetFields();
      setCustomer(null);
      setProspective(false);
      void load();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, customer, form, load, message, onError, s]);

  const print = async (a: Acceptance) => {
    try {
      await api['acceptances.print']({ id: a.id });
      message.success(s.printed);
    } catch (e) {
      report(e);
    }
  };

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Space direction="vertical" size="middle" className="acceptance-tab">
      <Card size="small" title={t.service.tabAccept}>
        <PartyFields
          idPrefix="acc"
          customer={customer}
          prospective={prospective}
          focusTick={focusTick}
          onPick={(c) => {
            setCustomer(c);
            if (!c) setProspective(false);
          }}
          onProspective={() => setProspective(true)}
        />
        <div onKeyDownCapture={onKeyDown}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ channel: 'window' }}
            data-testid="acceptance-form"
          >
            {!customer && prospective && <ProspectiveFields idPrefix="acc" />}
            <Space wrap>
              <Form.Item
                name="typeCode"
                htmlFor="acc-type"
                label={s.type}
                rules={[{ required: true, message: s.needType }]}
              >
                <Select
                  id="acc-type"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 200 }}
                  options={types.map((x) => ({ value: x.code, label: x.name }))}
                />
              </Form.Item>
              <Form.Item name="channel" label={s.channel}>
                <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: s.channels[c] }))} />
              </Form.Item>
            </Space>
            <Form.Item
              name="asked"
              htmlFor="acc-asked"
              label={s.asked}
              rules={[{ required: true, whitespace: true, message: s.needAsked }]}
            >
              <Input.TextArea id="acc-asked" rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="answered" htmlFor="acc-answered" label={s.answered}>
              <Input.TextArea id="acc-answered" rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="documents" label={s.documents}>
              <Checkbox.Group options={COMMON_DOCUMENTS.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
            <Form.Item name="nextStep" htmlFor="acc-next" label={s.nextStep}>
              <Input id="acc-next" maxLength={300} />
            </Form.Item>
            <Form.Item name="saleId" htmlFor="acc-sale" label={s.saleId}>
              <Select
                id="acc-sale"
                allowClear
                style={{ width: 420 }}
                options={fees.map((f) => ({
                  value: f.id,
                  label: `${f.receiptNo} ${f.lines.map((l) => l.name).join('、')} ${yuan(f.amount)} ${formatDateTime(f.createdAt)}`,
                }))}
              />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit()}
              data-testid="acceptance-submit"
            >
              {s.submitAccept}
            </Button>
          </Form>
        </div>
        {last && (
          <Space className="acceptance-last" data-testid="acceptance-last">
            <strong>{last.no}</strong>
            <Button onClick={() => void print(last)} data-testid="acceptance-print">
              {s.printNotice}
            </Button>
            <OfficePrintButtons doc={{ kind: 'acceptance', id: last.id }} />
            <SourceWorkOrders
              source={{
                type: 'acceptance',
                id: last.id,
                no: last.no,
                kind: 'repair',
                description: last.asked,
              }}
              canOpen
            />
          </Space>
        )}
      </Card>
      <Card size="small" title={s.recent}>
        <Table<Acceptance>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            { title: s.no, dataIndex: 'no', width: 190 },
            { title: s.type, render: (_, a) => a.type.name, width: 110 },
            { title: s.who, render: (_, a) => `${a.party.name} ${a.party.phone}` },
            { title: s.channel, render: (_, a) => s.channels[a.channel], width: 70 },
            { title: s.at, render: (_, a) => formatDateTime(a.createdAt), width: 160 },
            {
              title: t.common.actions,
              width: 200,
              render: (_, a) => (
                <Space size="small">
                  <Button size="small" onClick={() => void print(a)}>
                    {s.printNotice}
                  </Button>
                  <OfficePrintButtons doc={{ kind: 'acceptance', id: a.id }} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
