/**
 * 安全宣传 (publicity.get / publicity.save): the safety notice and service hotline printed at the foot of every
 * receipt; left empty, nothing is printed. Runtime: browser.
 */
import { App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';

interface Values {
  hotline?: string;
  notice?: string;
}

export function PublicityCard() {
  const t = useT();
  const p = t.publicity;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api['publicity.get']({})
      .then((v) => form.setFieldsValue(v))
      .catch(report);
  }, [form, report]);

  const save = useCallback(
    async (v: Values) => {
      setSaving(true);
      try {
        form.setFieldsValue(
          await api['publicity.save']({ hotline: v.hotline ?? '', notice: v.notice ?? '' }),
        );
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
    <Card size="small" title={p.title} className="form-section" data-testid="publicity">
      <Typography.Paragraph type="secondary">{p.hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="hotline" label={p.hotline} htmlFor="publicity-hotline">
          <Input id="publicity-hotline" maxLength={20} style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="notice" label={p.notice} htmlFor="publicity-notice">
          <Input.TextArea id="publicity-notice" maxLength={120} rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
      </Form>
    </Card>
  );
}
