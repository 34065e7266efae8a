/**
 * 代为交班: a supervisor closes the shift a cashier left open — the shift's figures, and the close form with
 * the count the supervisor typed (shifts.close with the shift's id). Runtime: browser.
 */
import { Alert, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ShiftReport } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { CloseShiftCard } from '../shift/close-shift-card';

export function CloseForModal(props: { shiftId: string; onDone(): void; onCancel(): void }) {
  const { shiftId, onDone, onCancel } = props;
  const t = useT();
  const report = useReportError();
  const [shift, setShift] = useState<ShiftReport>();

  useEffect(() => {
    api['shifts.report']({ shiftId })
      .then(setShift)
      .catch((e) => {
        report(e);
        onCancel();
      });
  }, [shiftId, report, onCancel]);

  return (
    <Modal
      open
      title={
        shift ? fmt(t.shift.closeForTitle, { operator: shift.shift.operator.displayName }) : t.shift.closeFor
      }
      footer={null}
      width={640}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="form-alert" title={t.shift.closeForHint} />
      {shift ? <CloseShiftCard report={shift} forOther onClosed={onDone} /> : <Spin />}
    </Modal>
  );
}
