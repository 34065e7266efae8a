/** The console's sign-in: a name and a password; head office says why it refused (wrong, locked). Runtime: browser. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { Me } from '../console-app';
import { messageOf, post } from '../api';

export function LoginPage({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      onSignedIn(await post<Me>('/console/api/login', v));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: '12vh' }} aria-label="登录">
      <Card title="GasDesk 总部管理台 登录" style={{ width: 380 }}>
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="登录名" rules={[{ required: true, message: '请输入登录名' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
