/**
 * The counter's "are you sure?" before an irreversible step: Enter confirms (the OK button has the focus —
 * also when the question opens over another dialog, where the dialog's own focus handling could otherwise
 * leave it on the cancel button), Esc goes back. A page the confirmed step leads to may mount its focused
 * control while the question still holds the focus; once the question has closed and given the focus back (to
 * its trigger, when that is still there), a focus left nowhere goes to that control (marked `data-autofocus`).
 * Runtime: browser.
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

/** The last control marked to take the focus, when the focus is nowhere (on the page body). */
export function focusMarked(): void {
  const now = document.activeElement;
  if (now && now !== document.body) return;
  const marked = document.querySelectorAll<HTMLElement>('[data-autofocus]');
  marked[marked.length - 1]?.focus();
}

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
        afterClose: () => {
          setTimeout(focusMarked, 0); // after the dialog has given the focus back
          o.afterClose?.();
        },
      }),
    [modal, t],
  );
}
