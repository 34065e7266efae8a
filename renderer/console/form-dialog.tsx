/**
 * A console dialog around a form: Enter or 确定 sends it; head office's refusal is shown in the dialog, and
 * its field-level problems under their fields. Runtime: browser.
 */
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ConsoleError, messageOf } from './api';

interface Props<V> {
  title: string;
  okText?: string;
  danger?: boolean;
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode;
  initialValues?: Partial<V>;
}

export function FormDialog<V extends object>({
  title,
  okText,
  danger,
  onSubmit,
  onClose,
  children,
  initialValues,
}: Props<V>) {
  const [form] = Form.useForm<V>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      showIssues(form, e);
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText ?? '确定'}
      cancelText="取消"
      okButtonProps={{ danger, htmlType: 'submit', form: 'console-form-dialog' }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form
        id="console-form-dialog"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </Modal>
  );
}

function showIssues<V>(form: FormInstance<V>, e: unknown): void {
  if (!(e instanceof ConsoleError)) return;
  form.setFields(
    e.issues.filter((i) => i.path.length > 0).map((i) => ({ name: i.path as never, errors: [i.message] })),
  );
}
