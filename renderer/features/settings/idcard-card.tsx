/**
 * 身份证阅读器 (admin): the reader's termb library and port — idcard:LIBRARY_PATH[:PORT] — or none, whether card
 * photos are kept (off unless the company enables it), and 测试, which loads the library and opens the port
 * without a card (idcard.configure, idcard.test, idcard.status). Runtime: browser.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { idCardSpecSchema, type OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useErrorText, useFormErrors } from '../../shell/errors';
import { zodRule } from '../../shell/zod-rules';

interface Values {
  use: boolean;
  spec?: string;
  storePhoto: boolean;
}

const STATE_COLORS = { open: 'success', closed: 'default', stuck: 'error', none: 'default' } as const;

export function IdCardSettingsCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const errorText = useErrorText();
  const [status, setStatus] = useState<OpOutput<'idcard.status'> | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const use = Form.useWatch('use', form) ?? false;

  const refresh = useCallback(async () => {
    const s = await api['idcard.status']({});
    setStatus(s);
    return s;
  }, []);

  useEffect(() => {
    refresh()
      .then((s) =>
        form.setFieldsValue({ use: s.spec !== null, spec: s.spec ?? '', storePhoto: s.storePhoto }),
      )
      .catch(() => {});
  }, [refresh, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      const r = await api['idcard.configure']({
        spec: v.use ? (v.spec ?? '').trim() : null,
        storePhoto: v.storePhoto ?? false,
      });
      message.success(r.spec ? t.idCardSettings.saved : t.idCardSettings.savedNone);
      setTest(null);
      await refresh();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const runTest = async () => {
    setTesting(true);
    try {
      const r = await api['idcard.test']({});
      const text = r.photoSupported ? t.idCardSettings.testOk : t.idCardSettings.testOkNoPhoto;
      setTest({ ok: true, text: fmt(text, { description: r.description }) });
    } catch (e) {
      setTest({ ok: false, text: errorText(e) });
    } finally {
      setTesting(false);
      await refresh().catch(() => {});
    }
  };

  const onKeyDown = useEnterNavigation(() => void save(), { skipToggles: true });
  return (
    <Card size="small" title={t.idCardSettings.title} className="form-section" data-testid="idcard-settings">
      <p className="device-state" aria-live="polite" data-testid="idcard-state">
        {t.idCardSettings.status}
        {status && <Tag color={STATE_COLORS[status.state]}>{t.idCardSettings.states[status.state]}</Tag>}
        {status?.spec && <span>{status.description}</span>}
      </p>
      <Form form={form} name="idcard" layout="vertical" onKeyDownCapture={onKeyDown} requiredMark={false}>
        <Form.Item name="use" valuePropName="checked">
          <Checkbox>{t.idCardSettings.use}</Checkbox>
        </Form.Item>
        {use && (
          <>
            <Form.Item
              name="spec"
              label={t.idCardSettings.spec}
              rules={[zodRule(idCardSpecSchema, { emptyAs: '' })]}
            >
              <Input
                className="mono"
                autoComplete="off"
                placeholder="idcard:/opt/gasdesk/sdk/libtermb.so:1001"
              />
            </Form.Item>
            <Alert type="info" className="form-alert" title={t.idCardSettings.specHint} />
          </>
        )}
        <Form.Item name="storePhoto" valuePropName="checked">
          <Checkbox>{t.idCardSettings.storePhoto}</Checkbox>
        </Form.Item>
        {test && (
          <Alert
            type={test.ok ? 'success' : 'error'}
            showIcon
            className="form-alert"
            title={test.text}
            data-testid="idcard-test-result"
          />
        )}
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t.idCardSettings.save}
          </Button>
          <Button loading={testing} disabled={!status?.spec} onClick={() => void runTest()}>
            {t.idCardSettings.test}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
