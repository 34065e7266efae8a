/** 无操作自动锁屏 (settings.get / settings.update): minutes before the screen locks itself. Runtime: browser. */
import { App as AntApp, Button, Card, Form } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Settings, settingsSchema } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { useSession } from '../../shell/session';
import { zodRule } from '../../shell/zod-rules';
import { IntegerInput } from '../../shell/integer-input';

export function IdleLockCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { update } = useSession();
  const [form] = Form.useForm<Settings>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api['settings.get']({})
      .then((s) => form.setFieldsValue(s))
      .catch(report);
  }, [form, report]);

  const save = useCallback(
    async (v: Settings) => {
      setSaving(true);
      try {
        const s = await api['settings.update'](v);
        update({ idleLockMinutes: s.idleLockMinutes });
        message.success(t.settings.saved);
      } catch (e) {
        onError(e);
      } finally {
        setSaving(false);
      }
    },
    [message, onError, t, update],
  );

  return (
    <Card size="small" title={t.settings.lockTitle} className="form-section">
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item
          name="idleLockMinutes"
          label={t.settings.idleLock}
          rules={[zodRule(settingsSchema.shape.idleLockMinutes)]}
        >
          <IntegerInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
      </Form>
    </Card>
  );
}
