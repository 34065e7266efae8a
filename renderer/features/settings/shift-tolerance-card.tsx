/**
 * 交班差额 (settings.get / settings.update { shiftTolerance }): a 短款 or 长款 above this many 元 needs a
 * supervisor's approval at the shift close. Runtime: browser.
 */
import { Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useSettingForm } from './use-setting-form';
import { fenOf, fenText, yuanRule } from '../../shell/money';

export function ShiftToleranceCard() {
  const t = useT();
  const { form, save, saving } = useSettingForm<{ shiftTolerance?: string }>(
    async () => ({ shiftTolerance: fenText((await api['settings.get']({})).shiftTolerance) }),
    async (v) => {
      const shiftTolerance = fenOf(v.shiftTolerance);
      if (shiftTolerance === undefined) return null;
      const s = await api['settings.update']({ shiftTolerance });
      return { shiftTolerance: fenText(s.shiftTolerance) };
    },
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
