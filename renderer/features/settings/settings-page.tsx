/**
 * 系统设置 (admin): the receipt printer (with its test page and live status), the card reader, backups,
 * head office (when this build has it), the idle lock, the shift-difference tolerance and the ledger check. Runtime: browser.
 */
import { Card, Col, Row, Typography } from 'antd';
import { useT } from '../../i18n';
import { SyncCard } from '../sync/sync-card';
import { BackupsCard } from './backups-card';
import { IdCardSettingsCard } from './idcard-card';
import { IdleLockCard } from './idle-lock-card';
import { LedgerVerify } from './ledger-verify';
import { PrinterCard } from './printer-card';
import { ReaderCard } from './reader-card';
import { PublicityCard } from './publicity-card';
import { ServiceLimitsCard } from './service-limits-card';
import { ShiftToleranceCard } from './shift-tolerance-card';

export function SettingsPage() {
  const t = useT();
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>{t.settings.title}</Typography.Title>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <PrinterCard />
          <ReaderCard />
          <IdCardSettingsCard />
        </Col>
        <Col xs={24} xl={12}>
          <BackupsCard />
          <SyncCard />
          <IdleLockCard />
          <ShiftToleranceCard />
          <ServiceLimitsCard />
          <PublicityCard />
          <Card size="small" title={t.settings.ledger} className="form-section">
            <Typography.Paragraph type="secondary">{t.settings.ledgerHint}</Typography.Paragraph>
            <LedgerVerify />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
