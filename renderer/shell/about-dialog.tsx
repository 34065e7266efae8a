/**
 * 关于 (from the header): the program's version (system.info), whether this is the demo, this counter, the
 * keyboard shortcuts, and — for a supervisor or an administrator — 校验业务流水. Esc closes. Runtime: browser.
 */
import { Button, Descriptions, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../core/contract';
import { api } from '../api/client';
import { LedgerVerify } from '../features/settings/ledger-verify';
import { useT } from '../i18n';
import { may, SUPERVISOR_ROLES } from './roles';
import { ShortcutList } from './shortcut-list';
import { useSession } from './session';

type Info = OpOutput<'system.info'>;

export function AboutDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { session } = useSession();
  const [info, setInfo] = useState<Info>();
  const c = session.counter;

  useEffect(() => {
    api['system.info']({})
      .then(setInfo)
      .catch(() => setInfo(undefined));
  }, []);

  return (
    <Modal
      open
      title={t.about.title}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" autoFocus onClick={onClose}>
          {t.about.close}
        </Button>
      }
    >
      <Typography.Paragraph strong>{t.app.name}</Typography.Paragraph>
      {info ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'version',
              label: t.about.version,
              children: (
                <span className="mono" data-testid="about-version">
                  {info.version}
                </span>
              ),
            },
            { key: 'mode', label: t.about.mode, children: info.demo ? t.about.demo : t.about.live },
            {
              key: 'counter',
              label: t.about.counter,
              children: `${c.hallName} ${c.counterName}（${c.hallCode}-${c.counterCode}）`,
            },
          ]}
        />
      ) : (
        <Spin />
      )}
      {may(session.staff.roles, SUPERVISOR_ROLES) && (
        <div className="about-verify">
          <Typography.Paragraph type="secondary">{t.settings.ledgerHint}</Typography.Paragraph>
          <LedgerVerify />
        </div>
      )}
      <ShortcutList />
    </Modal>
  );
}
