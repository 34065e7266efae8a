/**
 * A modal around an antd Form with the counter's keyboard habits (Enter → next field, Enter on the last
 * field or Ctrl+Enter → submit) and the first field focused on open. Runtime: browser.
 */
import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useEnterNavigation } from './enter-nav';

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  width?: number;
  /** Enter passes over check boxes and radio buttons (see useEnterNavigation). */
  skipToggles?: boolean;
  /** Keep the focus inside the dialog (default); off for card dialogs in training, where the panel is the reader. */
  focusTrap?: boolean;
  /** Called with the values once every field rule passes; throw nothing (report errors inside). */
  onSubmit(values: V): Promise<void>;
  onCancel(): void;
  children: ReactNode;
}

export function FormModal<V>({
  title,
  form,
  initialValues,
  okText,
  danger,
  width = 640,
  skipToggles = false,
  focusTrap = true,
  onSubmit,
  onCancel,
  children,
}: Props<V>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  const submit = useCallback(async () => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(form.getFieldsValue(true) as V);
    } finally {
      setBusy(false);
    }
  }, [form, onSubmit]);

  const onKeyDown = useEnterNavigation(() => void (busy ? undefined : submit()), { skipToggles });

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t.common.save}
      cancelText={t.common.cancel}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      mask={{ closable: false }}
      focusable={{ trap: focusTrap }}
      destroyOnHidden
      onOk={() => void submit()}
      onCancel={onCancel}
      afterOpenChange={(open) => {
        if (open) body.current?.querySelector<HTMLElement>('input:not([disabled]), textarea')?.focus();
      }}
    >
      <div ref={body}>
        <Form form={form} layout="vertical" initialValues={initialValues} onKeyDownCapture={onKeyDown}>
          {children}
        </Form>
      </div>
    </Modal>
  );
}
