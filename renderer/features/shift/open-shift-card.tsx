/** 开班: the float counted into the drawer, Enter opens the shift (shifts.open). Runtime: browser. */
import { Alert, App as AntApp, Button, Card, Form, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Shift } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { fenOf, maxYuan, yuan, yuanRule } from '../../shell/money';

export function OpenShiftCard({ onOpened, notice }: { onOpened(shift: Shift): void; notice?: string }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ float: string }>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async ({ float }: { float: string }) => {
    const amount = fenOf(float);
    if (amount === undefined || busy) return;
    setBusy(true);
    try {
      const shift = await api['shifts.open']({ float: amount });
      window.dispatchEvent(new Event('gasdesk:shift-changed'));
      message.success(fmt(t.shift.opened, { amount: yuan(shift.float) }));
      onOpened(shift);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.shift.openTitle} size="small" className="form-section narrow-card">
      {notice && <Alert type="info" showIcon title={notice} className="form-alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="float"
          label={t.shift.float}
          extra={t.shift.openHint}
          required
          rules={[yuanRule({ invalid: t.money.invalidYuan, max: maxYuan(t, t.shift.float) })]}
        >
          <Input ref={input} inputMode="decimal" autoComplete="off" className="money-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.shift.open}
        </Button>
      </Form>
    </Card>
  );
}
