/**
 * 安全宣传 (publicity.get / publicity.save): the safety notice and service hotline printed at the foot of every
 * receipt; left empty, nothing is printed. Runtime: browser.
 */
import { Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useSettingForm } from './use-setting-form';

interface Values {
  hotline?: string;
  notice?: string;
}

export function PublicityCard() {
  const t = useT();
  const p = t.publicity;
  const { form, save, saving } = useSettingForm<Values>(
    () => api['publicity.get']({}),
    (v) => api['publicity.save']({ hotline: v.hotline ?? '', notice: v.notice ?? '' }),
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
