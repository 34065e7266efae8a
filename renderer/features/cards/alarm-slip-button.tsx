/**
 * 打印安全提示单: on a card read whose meter shows alarms or whose write-back is wrong (out of range, going
 * backwards), prints the slip for the household (publicity.alarmSlip) with what to do about each alarm, the
 * faults as read, and the company hotline. Runtime: browser.
 */
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';

import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { alarmsOf } from './card-model';

export function AlarmSlipButton({
  meterNo,
  status,
  faults = [],
  customerId,
}: {
  meterNo: string;
  status?: Parameters<typeof alarmsOf>[0];
  faults?: string[];
  customerId?: string;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const alarms = status ? alarmsOf(status) : [];
  if (alarms.length === 0 && faults.length === 0) return null;
  return (
    <Button
      size="small"
      loading={busy}
      data-testid="alarm-slip"
      onClick={async () => {
        setBusy(true);
        try {
          await api['publicity.alarmSlip']({
            customerId,
            meterNo: meterNo || '（无法读出）',
            alarms,
            faults,
          });
          message.success(t.publicity.slipPrinted);
        } catch (e) {
          report(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t.publicity.printSlip}
    </Button>
  );
}
