/** 系统设置 (admin): idle lock minutes, and the ledger check. Runtime: browser. */
import { Alert, App as AntApp, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { settingsSchema, type Settings, type VerifyResult } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { useSession } from '../../shell/session';
import { zodRule } from '../../shell/zod-rules';

export function SettingsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { update } = useSession();
  const [form] = Form.useForm<Settings>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult>();

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

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api['ledger.verify']({}));
    } catch (e) {
      report(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={3}>{t.settings.title}</Typography.Title>
      <Card size="small" className="form-section settings-card">
        <Form form={form} layout="inline" onFinish={save}>
          <Form.Item
            name="idleLockMinutes"
            label={t.settings.idleLock}
            rules={[zodRule(settingsSchema.shape.idleLockMinutes)]}
          >
            <InputNumber min={1} max={120} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t.common.save}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t.settings.ledger} className="form-section settings-card">
        <Typography.Paragraph type="secondary">{t.settings.ledgerHint}</Typography.Paragraph>
        <Button onClick={() => void runVerify()} loading={verifying}>
          {t.settings.verify}
        </Button>
        {verify && (
          <Alert
            className="verify-result"
            showIcon
            role="status"
            type={verify.ok ? 'success' : 'error'}
            title={
              verify.ok
                ? fmt(t.settings.verifyOk, { n: verify.checkedOps })
                : fmt(t.settings.verifyBad, {
                    seq: verify.firstBad?.seq ?? t.common.none,
                    problem: verify.firstBad?.problem ?? '',
                  })
            }
          />
        )}
      </Card>
    </div>
  );
}
