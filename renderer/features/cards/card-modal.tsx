/**
 * A card dialog without fields (发卡): the OK button has the focus, so Enter does it. In training the focus is
 * not trapped, so the training panel (the trainee's reader) stays usable. Runtime: browser.
 */
import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useTraining } from './devices';

interface Props {
  title: ReactNode;
  okText: string;
  busy: boolean;
  onOk(): void;
  onCancel(): void;
  children: ReactNode;
}

export function CardModal({ title, okText, busy, onOk, onCancel, children }: Props) {
  const t = useT();
  const training = useTraining();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      mask={{ closable: false }}
      focusable={{ trap: !training }}
      destroyOnHidden
      okButtonProps={{ autoFocus: true, className: 'card-modal-ok' }}
      afterOpenChange={(open) => {
        if (open) document.querySelector<HTMLElement>('.card-modal-ok')?.focus();
      }}
      onOk={onOk}
      onCancel={onCancel}
    >
      {children}
    </Modal>
  );
}
