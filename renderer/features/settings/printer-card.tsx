/**
 * 小票打印机 (admin): where the printer is (tcp / serial / file / training), the paper width and the receipt
 * heading and the company's receipt verification address the receipt QR links to (printers.configure), 打印测试页, and the live status — polled every 5 s while this page shows.
 * Runtime: browser.
 */
import { Alert, App as AntApp, Button, Card, Form, Input, Radio, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type PrinterSettings, printerSettingsSchema } from '../../../core/contract';
import { DEFAULT_VERIFY_URL } from '../../../core/receipts/receipt-qr';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { isApiError, useFormErrors, useReportError } from '../../shell/errors';
import { useSession } from '../../shell/session';
import { zodRule } from '../../shell/zod-rules';
import { printerKeyOfError, printerStateKey, printerTone } from '../printing/printer-model';
import { usePrinter } from '../printing/printer-status';

const TONE_COLORS = { good: 'success', warn: 'warning', bad: 'error', muted: 'default' } as const;
const shape = printerSettingsSchema.shape;

export function PrinterCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { session } = useSession();
  const printer = usePrinter();
  const { info, watch, refresh } = printer;
  const [form] = Form.useForm<PrinterSettings>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const filled = useRef(false);

  useEffect(() => watch(), [watch]);
  useEffect(() => {
    if (filled.current || !info) return;
    filled.current = true;
    form.setFieldsValue(
      info.settings ?? {
        spec: '',
        width: 80,
        company: session.counter.hallName,
        verifyUrl: DEFAULT_VERIFY_URL,
      },
    );
  }, [info, form, session.counter.hallName]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await api['printers.configure'](form.getFieldsValue(true) as PrinterSettings);
      message.success(t.printerSettings.saved);
      refresh();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const testPage = async () => {
    setTesting(true);
    try {
      const r = await api['printers.testPage']({});
      message.success(r.paperNearEnd ? t.print.nearEnd : t.printerSettings.testDone);
    } catch (e) {
      const key = isApiError(e) ? printerKeyOfError(e.code) : undefined;
      if (key) message.error(fmt(t.printerSettings.testFailed, { state: t.printer[key] }));
      else report(e);
    } finally {
      setTesting(false);
      refresh();
    }
  };

  const onKeyDown = useEnterNavigation(() => void save(), { skipToggles: true });
  const key = info ? printerStateKey(info) : undefined;

  return (
    <Card size="small" title={t.printerSettings.title} className="form-section" data-testid="printer-card">
      <p className="device-state" aria-live="polite" data-testid="printer-state">
        {t.printerSettings.status}
        {key ? <Tag color={TONE_COLORS[printerTone(key)]}>{t.printer[key]}</Tag> : t.printerSettings.checking}
        <Button size="small" onClick={refresh}>
          {t.printerSettings.refresh}
        </Button>
      </p>
      <Form form={form} name="printer" layout="vertical" onKeyDownCapture={onKeyDown} requiredMark={false}>
        <Form.Item name="spec" label={t.printerSettings.spec} rules={[zodRule(shape.spec, { emptyAs: '' })]}>
          <Input className="mono" autoComplete="off" placeholder="tcp:192.168.1.50:9100" />
        </Form.Item>
        <Alert type="info" className="form-alert" title={t.printerSettings.specHint} />
        <Form.Item name="width" label={t.printerSettings.width}>
          <Radio.Group
            options={[
              { value: 58, label: t.printerSettings.width58 },
              { value: 80, label: t.printerSettings.width80 },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="company"
          label={t.printerSettings.company}
          rules={[zodRule(shape.company, { emptyAs: '' })]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="verifyUrl"
          label={t.printerSettings.verifyUrl}
          extra={t.printerSettings.verifyUrlHint}
          rules={[zodRule(shape.verifyUrl, { emptyAs: '' })]}
        >
          <Input className="mono" maxLength={100} autoComplete="off" placeholder={DEFAULT_VERIFY_URL} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t.printerSettings.save}
          </Button>
          <Button loading={testing} onClick={() => void testPage()} disabled={!info?.settings}>
            {t.printerSettings.test}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
