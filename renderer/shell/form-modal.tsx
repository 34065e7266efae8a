/**
 * A modal around an antd Form with the counter's keyboard habits (Enter → next field, Enter on the last
 * field or Ctrl+Enter → submit) and the first field focused on open. An irreversible step (`confirm`) asks
 * once more before it is done, stating the figures, with the focus on going back (shell/confirm.ts); Esc
 * goes back to the form. Runtime: browser.
 */
import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useConfirm } from './confirm';
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
  /** For an irreversible step: the question asked after the fields pass and before `onSubmit`. */
  confirm?(values: V): { title: ReactNode; content: ReactNode } | undefined;
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
  confirm,
  onSubmit,
  onCancel,
  children,
}: Props<V>) {
  const t = useT();
  const confirmStep = useConfirm();
  const [busy, setBusy] = useState(false);
  // While the confirmation shows, this dialog lets the focus go (its trap would pull it off the confirmation's buttons).
  const [asking, setAsking] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  const run = useCallback(
    async (values: V) => {
      setBusy(true);
      try {
        await onSubmit(values);
      } finally {
        setBusy(false);
      }
    },
    [onSubmit],
  );

  const submit = useCallback(async () => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true });
      return;
    }
    const values = form.getFieldsValue(true) as V;
    const ask = confirm?.(values);
    if (!ask) return run(values);
    setAsking(true);
    confirmStep({
      title: ask.title,
      content: ask.content,
      danger,
      // The question closes at once; the dialog's own button shows the work (and what may follow, e.g. a
      // receipt, never opens over a closing question).
      onOk: () => {
        void run(values);
      },
      afterClose: () => setAsking(false),
    });
  }, [form, confirm, run, confirmStep, danger]);

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
      focusable={{ trap: focusTrap && !asking }}
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
