/** 员工登录. Runtime: browser. */
import { Alert, Button, Card, Form, Input, type InputRef, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { contract } from '../../core/contract';
import { ApiError, api } from '../api/client';
import { useI18n } from '../i18n';
import { useEnterNavigation } from './enter-nav';
import { useReportError } from './errors';
import { LanguageSwitch } from './language-switch';
import type { Session } from './session';
import { zodRule } from './zod-rules';

export type LoginNotice = 'expired' | 'loggedOut' | 'setupDone';

interface Props {
  hallName?: string;
  counterName?: string;
  notice?: LoginNotice;
  username?: string;
  onLoggedIn(session: Session): void;
}

const loginInput = contract['auth.login'].input.shape;

export function LoginPage({ hallName, counterName, notice, username, onLoggedIn }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const report = useReportError();
  const first = useRef<InputRef>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onLoggedIn(await api['auth.login'](values));
    } catch (e) {
      if (e instanceof ApiError) setFailure(lang === 'en' ? e.body.messageEn : e.body.message);
      else report(e);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = useEnterNavigation(() => form.submit());

  const notices: Record<LoginNotice, string> = {
    expired: t.login.sessionExpired,
    loggedOut: t.login.loggedOut,
    setupDone: t.setup.done,
  };

  return (
    <div className="center-page">
      <Card className="login-card" title={t.app.name} extra={<LanguageSwitch />}>
        {hallName && (
          <Typography.Paragraph type="secondary">
            {hallName} · {counterName}
          </Typography.Paragraph>
        )}
        <Typography.Title level={4}>{t.login.title}</Typography.Title>
        {notice && !failure && <Alert className="form-alert" type="info" showIcon title={notices[notice]} />}
        {failure && <Alert className="form-alert" type="error" showIcon title={failure} role="alert" />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ username }}
          onFinish={submit}
          onKeyDownCapture={onKeyDown}
          requiredMark={false}
        >
          <Form.Item name="username" label={t.login.username} rules={[zodRule(loginInput.username)]}>
            <Input ref={first} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t.login.password} rules={[zodRule(loginInput.password)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
