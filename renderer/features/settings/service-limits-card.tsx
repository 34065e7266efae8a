/**
 * 服务时限 (serviceLimits.get / serviceLimits.save): the working days each 零散报装 step must be done within and
 * the 安检 period in days; the to-do board and the lists mark what is past them. Runtime: browser.
 */
import { Button, Card, Form, Space, Typography } from 'antd';
import type { ServiceLimitsView } from '../../../core/contract';
import { INSTALL_FLOW } from '../../../core/domain/installations';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useSettingForm } from './use-setting-form';
import { IntegerInput } from '../../shell/integer-input';

export function ServiceLimitsCard() {
  const t = useT();
  const s = t.installations;
  const { form, save, saving } = useSettingForm<ServiceLimitsView>(
    () => api['serviceLimits.get']({}),
    (v) => api['serviceLimits.save'](v),
  );

  return (
    <Card size="small" title={s.limitsTitle} className="form-section" data-testid="service-limits">
      <Typography.Paragraph type="secondary">{s.limitsHint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Space wrap>
          {INSTALL_FLOW.map((f) => (
            <Form.Item key={f.action} name={['install', f.action]} label={s.actions[f.action]}>
              <IntegerInput style={{ width: 132 }} suffix={s.workingDays} />
            </Form.Item>
          ))}
          <Form.Item name="inspectionPeriodDays" label={s.inspectionPeriod}>
            <IntegerInput style={{ width: 110 }} suffix={s.days} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
      </Form>
    </Card>
  );
}
