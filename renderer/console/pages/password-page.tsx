/** 修改密码: the signed-in user's own password, given the old one (a wrong one counts towards the lockout). Runtime: browser. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { messageOf, post } from '../api';

export function PasswordPage() {
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; again: string }>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    try {
      await post('/console/api/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      form.resetFields();
      setOutcome({ ok: true, text: '密码已修改。' });
    } catch (e) {
      setOutcome({ ok: false, text: messageOf(e) });
    }
  };
  return (
    <Card title="修改密码" style={{ maxWidth: 420 }}>
      {outcome && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          role="alert"
          title={outcome.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码（至少 10 位，含字母和数字）"
          rules={[{ required: true, message: '请输入新密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          修改
        </Button>
      </Form>
    </Card>
  );
}
