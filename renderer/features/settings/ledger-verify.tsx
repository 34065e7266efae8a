/**
 * 校验业务流水 (ledger.verify): the button with its spinner and the answer, in words (never the checker's
 * technical text). Used by 系统设置 and the 关于 dialog (supervisors and administrators). Runtime: browser.
 */
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { VerifyResult } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';

export function LedgerVerify() {
  const t = useT();
  const report = useReportError();
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult>();

  const run = async () => {
    setVerifying(true);
    try {
      setVerify(await api['ledger.verify']({}));
    } catch (e) {
      report(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <Button onClick={() => void run()} loading={verifying} data-testid="ledger-verify">
        {t.settings.verify}
      </Button>
      {verify && (
        <Alert
          className="verify-result"
          showIcon
          role="status"
          type={verify.ok ? 'success' : 'error'}
          title={
            verify.ok
              ? fmt(t.settings.verifyOk, { n: verify.checkedOps })
              : fmt(t.settings.verifyBad, { seq: verify.firstBad?.seq ?? t.common.none })
          }
        />
      )}
    </>
  );
}
