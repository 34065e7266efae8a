/**
 * The counter's "are you sure?" before an irreversible step: Enter confirms (the OK button has the focus —
 * also when the question opens over another dialog, where the dialog's own focus handling could otherwise
 * leave it on the cancel button), Esc goes back. Runtime: browser.
 */
import { App as AntApp } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useT } from '../i18n';

export interface ConfirmOptions {
  title: ReactNode;
  content: ReactNode;
  okText?: string;
  cancelText?: string;
  danger?: boolean;
  onOk(): void | Promise<void>;
  afterClose?(): void;
}

const OK_CLASS = 'counter-confirm-ok';

function focusOk() {
  const buttons = document.querySelectorAll<HTMLElement>(`.${OK_CLASS}`);
  buttons[buttons.length - 1]?.focus();
}

export function useConfirm() {
  const { modal } = AntApp.useApp();
  const t = useT();
  return useCallback(
    (o: ConfirmOptions) =>
      modal.confirm({
        title: o.title,
        content: o.content,
        okText: o.okText ?? t.confirm.ok,
        cancelText: o.cancelText ?? t.confirm.back,
        okButtonProps: { danger: o.danger, className: OK_CLASS },
        focusable: { autoFocusButton: 'ok' },
        afterOpenChange: (open) => {
          if (open) focusOk();
        },
        onOk: o.onOk,
        afterClose: o.afterClose,
      }),
    [modal, t],
  );
}
