/** First run: the hall, the counter and the administrator (setup.initialize). Runtime: browser. */
import { Button, Card, Col, Divider, Form, Input, type InputRef, Row, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { setupInputSchema } from '../../core/contract';
import { api } from '../api/client';
import { useT } from '../i18n';
import { useEnterNavigation } from './enter-nav';
import { useFormErrors } from './errors';
import { LanguageSwitch } from './language-switch';
import { zodRule } from './zod-rules';

interface Values {
  hallCode: string;
  hallName: string;
  counterCode: string;
  counterName: string;
  admin: { username: string; displayName: string; password: string };
  confirm: string;
}

const s = setupInputSchema.shape;
const adminShape = s.admin.shape;

export function SetupPage({ onDone }: { onDone(username: string): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrors(form);
  const first = useRef<InputRef>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = useCallback(async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const { confirm: _confirm, ...input } = v;
      await api['setup.initialize'](input);
      onDone(v.admin.username.trim());
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [form, onDone, onError]);

  const onKeyDown = useEnterNavigation(() => void submit());

  return (
    <div className="center-page">
      <Card className="setup-card" title={t.app.name} extra={<LanguageSwitch />}>
        <Typography.Title level={4}>{t.setup.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{t.setup.intro}</Typography.Paragraph>
        <Form form={form} layout="vertical" onKeyDownCapture={onKeyDown}>
          <Divider titlePlacement="start">{t.setup.hallSection}</Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="hallCode"
                label={t.setup.hallCode}
                required
                rules={[zodRule(s.hallCode, { emptyAs: '' })]}
              >
                <Input ref={first} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="hallName" label={t.setup.hallName} required rules={[zodRule(s.hallName)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="counterCode"
                label={t.setup.counterCode}
                required
                rules={[zodRule(s.counterCode, { emptyAs: '' })]}
              >
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="counterName"
                label={t.setup.counterName}
                required
                rules={[zodRule(s.counterName)]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t.setup.adminSection}</Divider>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name={['admin', 'username']}
                label={t.setup.adminUsername}
                required
                rules={[zodRule(adminShape.username, { emptyAs: '' })]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={['admin', 'displayName']}
                label={t.setup.adminDisplayName}
                required
                rules={[zodRule(adminShape.displayName)]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={['admin', 'password']}
                label={t.setup.adminPassword}
                required
                rules={[zodRule(adminShape.password)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="confirm"
                label={t.setup.confirmPassword}
                required
                dependencies={[['admin', 'password']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, value) => {
                      if (value !== getFieldValue(['admin', 'password']))
                        throw new Error(t.errors.passwordMismatch);
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" block loading={busy} onClick={() => void submit()}>
            {t.setup.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
