/** The lock screen: only the operator's own password opens it again; 切换用户 logs out. Runtime: browser. */
import { Alert, Button, Card, Form, Input, type InputRef, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { fmt, useI18n } from '../i18n';
import { useReportError } from './errors';
import { type Session, useSession } from './session';
import { rolesText } from './roles';

export function LockScreen({ onUnlocked }: { onUnlocked(session: Session): void }) {
  const { t, lang } = useI18n();
  const { session, logout } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const report = useReportError();
  const input = useRef<InputRef>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onUnlocked(await api['auth.unlock']({ password: password ?? '' }));
    } catch (e) {
      // The screen asks only for a password: a wrong one is called that (the server's words name the user too).
      if (e instanceof ApiError && e.code === 'BAD_CREDENTIALS') setFailure(t.lock.wrongPassword);
      else if (e instanceof ApiError && e.code !== 'NOT_LOGGED_IN')
        setFailure(lang === 'en' ? e.body.messageEn : e.body.message);
      else report(e);
      form.setFieldValue('password', '');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <Card className="login-card">
        <Typography.Title level={3} id="lock-title">
          {t.lock.title}
        </Typography.Title>
        <Typography.Paragraph>
          {fmt(t.lock.operator, {
            name: session.staff.displayName,
            role: rolesText(t.roles, session.staff.roles),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t.lock.hint}</Typography.Paragraph>
        {failure && <Alert className="form-alert" type="error" showIcon title={failure} role="alert" />}
        <Form form={form} layout="vertical" onFinish={unlock} requiredMark={false}>
          <Form.Item name="password" label={t.lock.password}>
            <Input.Password ref={input} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.lock.unlock}
          </Button>
        </Form>
        <Button type="link" className="switch-user" onClick={() => void logout()}>
          {t.lock.switchUser}
        </Button>
      </Card>
    </div>
  );
}
