/**
 * The keyboard shortcuts this operator can use — in 关于 and in the F1 (or ?) help, which the status bar names
 * instead of listing every key in a line a 1366-pixel screen cuts off. Runtime: browser.
 */
import { Button, Descriptions, Modal } from 'antd';
import { useTraining } from '../features/cards/devices';
import { useT } from '../i18n';
import { CLERK_ROLES, may, SELLER_ROLES } from './roles';
import { useSession } from './session';

/** Keys that only some roles (or the demo) have. */
const NEEDS: Record<string, 'sell' | 'open' | 'training'> = {
  F2: 'sell',
  F4: 'open',
  F6: 'sell',
  F7: 'open',
  F8: 'sell',
  F9: 'training',
  F10: 'open',
  'Ctrl+P': 'sell',
};

export function ShortcutList() {
  const t = useT();
  const { session } = useSession();
  const training = useTraining();
  const roles = session.staff.roles;
  const has = { sell: may(roles, SELLER_ROLES), open: may(roles, CLERK_ROLES), training };
  const keys = t.about.keys.filter(([key]) => {
    const need = NEEDS[key];
    return !need || has[need];
  });
  return (
    <Descriptions
      className="about-keys"
      title={t.about.shortcuts}
      size="small"
      column={2}
      items={keys.map(([key, what]) => ({ key, label: <kbd>{key}</kbd>, children: what }))}
    />
  );
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Modal
      open
      title={t.about.shortcuts}
      width={560}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" autoFocus onClick={onClose}>
          {t.about.close}
        </Button>
      }
    >
      <ShortcutList />
    </Modal>
  );
}
