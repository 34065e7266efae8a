/**
 * 打印安全提示单: on a card read whose meter shows alarms, prints the slip for the household (publicity.alarmSlip)
 * with what to do about each alarm and the company hotline. Runtime: browser.
 */
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import type { MeterReading } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { alarmsOf } from './card-model';

export function AlarmSlipButton({ reading, customerId }: { reading: MeterReading; customerId?: string }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const alarms = alarmsOf(reading.status);
  if (alarms.length === 0) return null;
  return (
    <Button
      size="small"
      loading={busy}
      data-testid="alarm-slip"
      onClick={async () => {
        setBusy(true);
        try {
          await api['publicity.alarmSlip']({ customerId, meterNo: reading.meterNo, alarms });
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
