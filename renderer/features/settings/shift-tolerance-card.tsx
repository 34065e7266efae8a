/**
 * 交班差额 (settings.get / settings.update { shiftTolerance }): a 短款 or 长款 above this many 元 needs a
 * supervisor's approval at the shift close. Runtime: browser.
 */
import { App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { fenOf, fenText, yuanRule } from '../../shell/money';

export function ShiftToleranceCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ shiftTolerance?: string }>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api['settings.get']({})
      .then((s) => form.setFieldsValue({ shiftTolerance: fenText(s.shiftTolerance) }))
      .catch(report);
  }, [form, report]);

  const save = useCallback(
    async (v: { shiftTolerance?: string }) => {
      const shiftTolerance = fenOf(v.shiftTolerance);
      if (shiftTolerance === undefined) return;
      setSaving(true);
      try {
        const s = await api['settings.update']({ shiftTolerance });
        form.setFieldsValue({ shiftTolerance: fenText(s.shiftTolerance) });
        message.success(t.settings.saved);
      } catch (e) {
        onError(e);
      } finally {
        setSaving(false);
      }
    },
    [form, message, onError, t],
  );

  return (
    <Card size="small" title={t.settings.toleranceTitle} className="form-section">
      <Typography.Paragraph type="secondary">{t.settings.toleranceHint}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item
          name="shiftTolerance"
          label={t.settings.tolerance}
          rules={[yuanRule({ invalid: t.money.invalidYuan })]}
        >
          <Input inputMode="decimal" autoComplete="off" style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
      </Form>
    </Card>
  );
}
