/**
 * The supervisor-approval primitive on screen: a supervisor types their user name and password into the
 * clerk's form; the values go out as `approval` (core/contract approvalSchema). Put it inside an antd Form.
 * Runtime: browser.
 */
import { Alert, Col, Form, type FormInstance, Input, Row } from 'antd';
import { approvalSchema } from '../../core/contract';
import { useT } from '../i18n';
import { zodRule } from './zod-rules';

export interface ApprovalValues {
  username: string;
  password: string;
}

export function ApprovalFields({ name = 'approval' }: { name?: string }) {
  const t = useT();
  return (
    <fieldset className="approval-panel">
      <legend>{t.approval.title}</legend>
      <Alert type="warning" showIcon title={t.approval.hint} className="form-alert" />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name={[name, 'username']}
            label={t.approval.username}
            required
            rules={[zodRule(approvalSchema.shape.username)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={[name, 'password']}
            label={t.approval.password}
            required
            rules={[zodRule(approvalSchema.shape.password)]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}

/** Shows an approval failure (wrong credentials, not an approver) under both approval fields. */
export function showApprovalError(form: FormInstance, message: string, name = 'approval'): void {
  form.setFields([
    { name: [name, 'username'], errors: [message] },
    { name: [name, 'password'], errors: [message] },
  ]);
}
