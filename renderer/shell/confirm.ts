/**
 * The counter's "are you sure?" before an irreversible or money-changing step (交班, 日结, 冲正, 退款, 缴款 …):
 * it states the figures, and the focus is on the button that goes back — Enter, pressed out of habit, never
 * closes a shift with a shortage; the operator moves to the OK button (Tab, ←/→) or clicks it on purpose.
 * The focus is put there also when the question opens over another dialog, whose own focus handling could
 * otherwise leave it elsewhere. Esc goes back. Runtime: browser.
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
const CANCEL_CLASS = 'counter-confirm-cancel';

/**
 * Once the question has finished opening: the focus on 返回修改, unless the operator has already moved it to one
 * of the question's own buttons (a Tab to 确认 during the opening animation stays where it went: taking it back
 * made a quick Tab, Enter go back instead of confirming).
 */
function focusCancel() {
  const active = document.activeElement;
  if (active?.classList.contains(OK_CLASS) || active?.classList.contains(CANCEL_CLASS)) return;
  const buttons = document.querySelectorAll<HTMLElement>(`.${CANCEL_CLASS}`);
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
        cancelButtonProps: { className: CANCEL_CLASS },
        focusable: { autoFocusButton: 'cancel' },
        afterOpenChange: (open) => {
          if (open) focusCancel();
        },
        onOk: o.onOk,
        afterClose: o.afterClose,
      }),
    [modal, t],
  );
}
