/**
 * 交班 (F8): this shift's figures, cash in / out, and closing with the counted cash; afterwards the 交班报表
 * with 打印交班报表 (focused: Enter prints it). Without an open shift: the 开班 form. Runtime: browser.
 */
import { Button, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ShiftReport } from '../../../core/contract';
import type { CashMovementKind } from '../../../core/domain/cash';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { OfficePrintButtons } from '../printing/office-print';
import { ReportPrintButton, useReportPrint } from '../printing/report-print';
import { PrintOutcome } from '../printing/print-outcome';
import { CashMovementModal } from './cash-movement-modal';
import { CloseShiftCard } from './close-shift-card';
import { OpenShiftCard } from './open-shift-card';
import { ShiftReportView } from './shift-report-view';

type State =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'open'; report: ShiftReport }
  | { kind: 'closed'; report: ShiftReport };

export function ShiftPage() {
  const t = useT();
  const report = useReportError();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [movement, setMovement] = useState<CashMovementKind>();

  const load = useCallback(async () => {
    try {
      const cur = await api['shifts.current']({});
      if (!cur.shift) return setState({ kind: 'none' });
      setState({ kind: 'open', report: await api['shifts.report']({ shiftId: cur.shift.id }) });
    } catch (e) {
      report(e);
      setState({ kind: 'none' });
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <Space className="page-header" align="baseline" wrap>
        <Typography.Title level={3}>{t.shift.title}</Typography.Title>
        {state.kind === 'open' && (
          <>
            <Button onClick={() => setMovement('in')}>{t.shift.movementTitle.in}</Button>
            <Button onClick={() => setMovement('out')}>{t.shift.movementTitle.out}</Button>
          </>
        )}
      </Space>
      {state.kind === 'loading' && <Spin className="page-spin" />}
      {state.kind === 'none' && <OpenShiftCard onOpened={() => void load()} />}
      {state.kind === 'open' && (
        <>
          <CloseShiftCard report={state.report} onClosed={(r) => setState({ kind: 'closed', report: r })} />
          <ShiftReportView report={state.report} title={t.shift.current} />
        </>
      )}
      {state.kind === 'closed' && (
        <ClosedShift report={state.report} onOpenNew={() => setState({ kind: 'none' })} />
      )}
      {movement && (
        <CashMovementModal
          kind={movement}
          onCancel={() => setMovement(undefined)}
          onDone={(r) => {
            setMovement(undefined);
            setState({ kind: 'open', report: r });
          }}
        />
      )}
    </div>
  );
}

/** The closed shift: 打印交班报表 (focused), 开新班次, how the print went, and the report itself. */
function ClosedShift({ report, onOpenNew }: { report: ShiftReport; onOpenNew(): void }) {
  const t = useT();
  const job = useReportPrint({ kind: 'shift', shiftId: report.shift.id });
  return (
    <>
      <Space className="action-bar" wrap>
        <ReportPrintButton job={job} label={t.print.shift} primary autoFocus />
        <Button onClick={onOpenNew}>{t.shift.openNew}</Button>
        <OfficePrintButtons doc={{ kind: 'shift', id: report.shift.id }} />
      </Space>
      <PrintOutcome state={job.state} />
      <ShiftReportView report={report} title={t.shift.reportTitle} />
    </>
  );
}
