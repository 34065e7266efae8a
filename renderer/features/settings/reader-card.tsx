/**
 * 读卡器 (admin): the reader's address in any kind core/devices/reader-spec.ts parses (serial, hid, pcsc, the
 * makers' libraries), or no reader at all (devices.configureReader), with its live connection (devices.status,
 * polled by the layout). The kinds are listed (a click starts the address), PC/SC readers by name, and 测试
 * opens the address once (devices.testReader). Runtime: browser.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { contract } from '../../../core/contract';
import { parseReaderSpec } from '../../../core/devices/reader-spec';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors } from '../../shell/errors';
import { zodRule } from '../../shell/zod-rules';
import { useDevices } from '../cards/devices';
import { announceReaderChange } from '../cards/reader-events';
import { ReaderKinds } from './reader-kinds';

const isSpec = (s: string) => {
  try {
    parseReaderSpec(s);
    return true;
  } catch {
    return false;
  }
};
const specRule = contract['devices.configureReader'].input.shape.spec.unwrap();
const STATE_COLORS = { connected: 'success', connecting: 'warning', disconnected: 'error', none: 'default' };

interface Values {
  use: boolean;
  spec?: string;
}

export function ReaderCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const devices = useDevices();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [saving, setSaving] = useState(false);
  const use = Form.useWatch('use', form) ?? false;
  const filled = useRef(false);
  const reader = devices?.reader;

  useEffect(() => {
    if (filled.current || !reader) return;
    filled.current = true;
    form.setFieldsValue({
      use: reader.configured,
      spec: isSpec(reader.description) ? reader.description : '',
    });
  }, [reader, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      const r = await api['devices.configureReader']({ spec: v.use ? (v.spec ?? '').trim() : null });
      message.success(r.spec ? t.readerSettings.saved : t.readerSettings.savedNone);
      announceReaderChange();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = useEnterNavigation(() => void save(), { skipToggles: true });
  const state = reader ? (reader.configured ? reader.status : 'none') : undefined;

  return (
    <Card size="small" title={t.readerSettings.title} className="form-section" data-testid="reader-card">
      <p className="device-state" aria-live="polite" data-testid="reader-state">
        {t.readerSettings.status}
        {state && reader ? (
          <Tag color={STATE_COLORS[state]}>
            {reader.configured ? t.reader[reader.status] : t.reader.notConfigured}
          </Tag>
        ) : (
          t.printerSettings.checking
        )}
        {reader?.configured && (
          <span>
            {t.readerSettings.device}
            {reader.description}
          </span>
        )}
      </p>
      <Form form={form} name="reader" layout="vertical" onKeyDownCapture={onKeyDown} requiredMark={false}>
        <Form.Item name="use" valuePropName="checked">
          <Checkbox>{t.readerSettings.useReader}</Checkbox>
        </Form.Item>
        {use && (
          <>
            <Form.Item name="spec" label={t.readerSettings.spec} rules={[zodRule(specRule, { emptyAs: '' })]}>
              <Input className="mono" autoComplete="off" placeholder="serial:/dev/ttyUSB0@9600" />
            </Form.Item>
            <Alert type="info" className="form-alert" title={t.readerSettings.specHint} />
            <ReaderKinds
              onPick={(spec) => form.setFieldsValue({ spec })}
              spec={() => form.getFieldValue('spec')}
            />
          </>
        )}
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t.readerSettings.save}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
