/** 无操作自动锁屏 (settings.get / settings.update): minutes before the screen locks itself. Runtime: browser. */
import { Button, Card, Form } from 'antd';
import { type Settings, settingsSchema } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useSettingForm } from './use-setting-form';
import { useSession } from '../../shell/session';
import { zodRule } from '../../shell/zod-rules';
import { IntegerInput } from '../../shell/integer-input';

export function IdleLockCard() {
  const t = useT();
  const { update } = useSession();
  const { form, save, saving } = useSettingForm<Settings>(
    () => api['settings.get']({}),
    async (v) => {
      const s = await api['settings.update'](v);
      update({ idleLockMinutes: s.idleLockMinutes });
      return s;
    },
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
