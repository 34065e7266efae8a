/**
 * 登记入户安检: the household (the cashier's customer box), the day, the inspector, the result, the items
 * checked, a hazard found (its item and what is wrong) and the rectification deadline; Ctrl+Enter saves.
 * The server checks the rest (a hazard needs its deadline, a day not in the future). Runtime: browser.
 */
import { App as AntApp, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { CustomerSummary, Inspection } from '../../../core/contract';
import {
  INSPECTION_ITEMS,
  type InspectionItem,
  INSPECTION_RESULTS,
  type InspectionResult,
} from '../../../core/domain/inspections';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors } from '../../shell/errors';
import { CustomerPicker } from '../cashier/customer-picker';

interface Values {
  date: string;
  inspector: string;
  result: InspectionResult;
  items: InspectionItem[];
  hazardItem?: InspectionItem;
  hazardNote?: string;
  deadline?: string;
  notes?: string;
}

/** Today as the counter's screen shows it (the server's clock decides; this is the default). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function InspectionForm({
  focusTick,
  onRecorded,
}: {
  focusTick: number;
  onRecorded(i: Inspection): void;
}) {
  const t = useT();
  const n = t.inspections;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, (p) =>
    p[0] === 'hazards' ? [p[2] === 'note' ? 'hazardNote' : 'hazardItem'] : p,
  );
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const result = Form.useWatch('result', form);

  const submit = useCallback(async () => {
    if (busy) return;
    if (!customer) return void message.warning(n.needCustomer);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const hazard = v.result === 'hazard' && v.hazardItem;
      const i = await api['inspections.record']({
        customerId: customer.id,
        date: v.date,
        inspector: v.inspector ?? '',
        result: v.result,
        items: v.items ?? [],
        hazards: hazard ? [{ item: v.hazardItem!, note: v.hazardNote ?? '' }] : [],
        deadline: v.result === 'hazard' && v.deadline?.trim() ? v.deadline : undefined,
        notes: v.notes ?? '',
      });
      message.success(fmt(n.recorded, { no: i.no }));
      form.resetFields();
      form.setFieldsValue({ date: v.date, inspector: v.inspector });
      setCustomer(null);
      onRecorded(i);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, customer, form, message, n, onError, onRecorded]);

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Card size="small" title={n.recordTitle}>
      {customer ? (
        <Space>
          <Typography.Text strong data-testid="insp-customer">
            {fmt(t.service.picked, { name: customer.name, accountNo: customer.accountNo })}
          </Typography.Text>
          <Button size="small" onClick={() => setCustomer(null)}>
            {t.service.clearCustomer}
          </Button>
        </Space>
      ) : (
        <CustomerPicker id="insp-find" label={n.customer} focusTick={focusTick} onPick={setCustomer} />
      )}
      <div onKeyDownCapture={onKeyDown}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ date: today(), result: 'normal', items: [] }}
          data-testid="inspection-form"
        >
          <Space wrap>
            <Form.Item name="date" htmlFor="insp-date" label={n.date}>
              <Input id="insp-date" autoComplete="off" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="inspector" htmlFor="insp-inspector" label={n.inspector}>
              <Input id="insp-inspector" autoComplete="off" maxLength={20} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="result" label={n.result}>
            <Radio.Group options={INSPECTION_RESULTS.map((r) => ({ value: r, label: n.results[r] }))} />
          </Form.Item>
          <Form.Item name="items" label={n.checked}>
            <Checkbox.Group options={INSPECTION_ITEMS.map((x) => ({ value: x, label: n.items[x] }))} />
          </Form.Item>
          {result === 'hazard' && (
            <Space wrap align="start">
              <Form.Item name="hazardItem" htmlFor="insp-hazard-item" label={n.hazardItem}>
                <Select
                  id="insp-hazard-item"
                  style={{ width: 160 }}
                  options={INSPECTION_ITEMS.map((x) => ({ value: x, label: n.items[x] }))}
                />
              </Form.Item>
              <Form.Item name="hazardNote" htmlFor="insp-hazard-note" label={n.hazardNote}>
                <Input id="insp-hazard-note" autoComplete="off" maxLength={200} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name="deadline" htmlFor="insp-deadline" label={n.deadline}>
                <Input id="insp-deadline" autoComplete="off" style={{ width: 140 }} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="notes" htmlFor="insp-notes" label={n.notes}>
            <Input id="insp-notes" autoComplete="off" maxLength={300} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="insp-submit">
            {n.submit}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
