/** 登记投诉: the customer (or a caller not in the files), channel, category and details. Runtime: browser. */
import { App as AntApp, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useCallback, useState } from 'react';
import type { Complaint, CustomerSummary } from '../../../core/contract';
import { CHANNELS, COMPLAINT_CATEGORIES } from '../../../core/domain/service-desk';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { PartyFields, ProspectiveFields, partyOf } from './party-fields';

interface Values {
  name?: string;
  phone?: string;
  address?: string;
  channel: (typeof CHANNELS)[number];
  category: (typeof COMPLAINT_CATEGORIES)[number];
  details: string;
}

export function ComplaintForm({
  focusTick,
  onRecorded,
}: {
  focusTick: number;
  onRecorded(c: Complaint): void;
}) {
  const t = useT();
  const s = t.service;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [prospective, setProspective] = useState(false);
  const [busy, setBusy] = useState(false);

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
      const c = await api['complaints.record']({
        ...partyOf(customer, v),
        channel: v.channel,
        category: v.category,
        details: v.details ?? '',
      });
      message.success(fmt(s.complaintRecorded, { no: c.no, due: formatDateTime(c.dueAt) }));
      form.resetFields();
      setCustomer(null);
      setProspective(false);
      onRecorded(c);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, customer, form, message, onError, onRecorded, s]);

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Card size="small" title={s.recordComplaint}>
      <PartyFields
        idPrefix="cmp"
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
        <Form form={form} layout="vertical" initialValues={{ channel: 'phone' }} data-testid="complaint-form">
          {!customer && prospective && <ProspectiveFields idPrefix="cmp" />}
          <Form.Item name="channel" label={s.channel}>
            <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: s.channels[c] }))} />
          </Form.Item>
          <Form.Item
            name="category"
            htmlFor="cmp-category"
            label={s.category}
            rules={[{ required: true, message: s.needCategory }]}
          >
            <Select
              id="cmp-category"
              style={{ width: 260 }}
              options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: s.categories[c] }))}
            />
          </Form.Item>
          <Form.Item
            name="details"
            htmlFor="cmp-details"
            label={s.details}
            rules={[{ required: true, whitespace: true, message: s.needDetails }]}
          >
            <Input.TextArea id="cmp-details" rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="complaint-submit">
            {s.submitComplaint}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
