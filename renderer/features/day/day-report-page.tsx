/**
 * 日报: a business day's figures (days.report) with its cash lines, 打印日报, the bank deposit (缴款, also after
 * the day close: 补录) and, for a supervisor, 代为交班 of a shift a cashier left open and the day close (日结)
 * after a confirmation. Runtime: browser.
 */
import { Alert, App as AntApp, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DayReport } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { useConfirm } from '../../shell/confirm';
import { isApiError, useErrorText, useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { yuan } from '../../shell/money';
import { may, SUPERVISOR_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { PrintOutcome } from '../printing/print-outcome';
import { UnsettledList } from '../shift/unsettled-list';
import { CloseForModal } from './close-for-modal';
import { DayCashLines } from './day-cash-lines';
import { OfficePrintButtons } from '../printing/office-print';
import { ReportPrintButton, useReportPrint } from '../printing/report-print';
import { DayReportTables } from './day-report-tables';
import { DepositModal } from './deposit-modal';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DayReportPage() {
  const t = useT();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const confirm = useConfirm();
  const report = useReportError();
  const errorText = useErrorText();
  const [date, setDate] = useState('');
  // Why no figures show for the date typed (a malformed date, a day the counter cannot report): the previous
  // day's figures are cleared rather than left under another date.
  const [dateError, setDateError] = useState<string>();
  // A refused 日结: the server's sentence with the open shifts it named.
  const [blocked, setBlocked] = useState<string>();
  const [data, setData] = useState<DayReport>();
  const [loading, setLoading] = useState(true);
  const [depositing, setDepositing] = useState(false);
  const [closingFor, setClosingFor] = useState<string>();
  const [othersOpen, setOthersOpen] = useState<Set<string>>(new Set());
  const canClose = may(session.staff.roles, SUPERVISOR_ROLES);
  const staffId = session.staff.id;
  const printJob = useReportPrint({ kind: 'day', businessDate: data?.businessDate ?? date });

  const load = useCallback(
    async (businessDate?: string) => {
      setLoading(true);
      setDateError(undefined);
      setBlocked(undefined);
      try {
        const r = await api['days.report'](businessDate ? { businessDate } : {});
        setData(r);
        setDate(r.businessDate);
        // A supervisor may close a shift another operator left open (代为交班).
        const open = canClose ? (await api['shifts.list']({ businessDate: r.businessDate })).items : [];
        setOthersOpen(
          new Set(open.filter((s) => s.status === 'open' && s.operator.id !== staffId).map((s) => s.id)),
        );
      } catch (e) {
        if (businessDate) {
          setData(undefined);
          setDateError(fmt(t.day.loadFailed, { date: businessDate, reason: errorText(e) }));
        } else report(e);
      } finally {
        setLoading(false);
      }
    },
    [report, errorText, t, canClose, staffId],
  );

  useEffect(() => {
    api['shifts.current']({})
      .then((c) => load(c.businessDate))
      .catch(() => load()); // the counter's current business day, in its zone
  }, [load]);

  const query = () => {
    if (DATE.test(date.trim())) return void load(date.trim());
    setData(undefined);
    setDateError(t.day.badDate);
  };

  const closeDay = () => {
    if (!data) return;
    const businessDate = data.businessDate;
    const u = data.unsettled;
    confirm({
      title: fmt(t.day.closeTitle, { date: businessDate }),
      // The 班长 sees the paid purchases whose gas is not on a card before the close.
      content: (
        <>
          <p data-testid="close-day-figures">
            {fmt(t.day.closeFigures, {
              toDeposit: yuan(data.cash.toDeposit),
              deposited: yuan(data.deposited),
              undeposited: yuan(data.cash.undeposited),
            })}
          </p>
          {u.count > 0 && (
            <p data-testid="close-day-unsettled">
              {fmt(t.cardWrite.closeDayUnsettled, {
                n: u.count,
                amount: yuan(u.amount),
                receipts: u.sales.map((s) => s.receiptNo).join(t.common.listSep),
              })}
            </p>
          )}
          <p>{t.day.closeConfirm}</p>
        </>
      ),
      okText: t.day.close,
      danger: true,
      cancelText: t.common.cancel,
      onOk: async () => {
        try {
          setData(await api['days.close']({ businessDate }));
          message.success(fmt(t.day.closeDone, { date: businessDate }));
        } catch (e) {
          // The server names the shifts still open (operator and business day): they are shown, not dropped.
          if (isApiError(e, 'OPEN_SHIFTS') && e.body.detail)
            setBlocked(fmt(t.day.openShifts, { names: e.body.detail }));
          else report(e);
        }
      },
    });
  };

  return (
    <div className="page">
      <Space className="page-header" align="baseline" wrap>
        <Typography.Title level={3}>{t.day.title}</Typography.Title>
        <Form layout="inline" component="div" className="search-bar">
          <Form.Item
            label={t.day.date}
            htmlFor="day-date"
            validateStatus={dateError ? 'error' : undefined}
            help={dateError && <span data-testid="day-date-error">{dateError}</span>}
          >
            <Input
              id="day-date"
              value={date}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t.open.datePlaceholder}
              onChange={(e) => setDate(e.target.value)}
              onPressEnter={query}
            />
          </Form.Item>
          <Button onClick={query}>{t.day.load}</Button>
          {data && <ReportPrintButton job={printJob} label={t.print.day} />}
          {data && <OfficePrintButtons doc={{ kind: 'day', id: data.businessDate }} />}
          {data && <Button onClick={() => setDepositing(true)}>{t.day.deposit}</Button>}
          {data && canClose && !data.closed && (
            <Button danger type="primary" onClick={closeDay}>
              {t.day.close}
            </Button>
          )}
        </Form>
      </Space>
      <PrintOutcome state={printJob.state} />
      {blocked && (
        <Alert className="form-alert" type="error" showIcon data-testid="day-close-blocked" title={blocked} />
      )}
      {loading && !data && <Spin className="page-spin" />}
      {data && (
        <Spin spinning={loading}>
          <Alert
            className="form-alert"
            showIcon
            type={data.closed ? 'success' : 'info'}
            data-testid="day-status"
            title={
              data.closed
                ? fmt(t.day.closedAt, {
                    at: formatDateTime(data.closedAt),
                    by: data.closedBy ?? t.common.none,
                  })
                : t.day.notClosed
            }
          />
          <div className="result-figures">
            <BigAmount label={t.day.toDeposit} fen={data.cash.toDeposit} testId="day-to-deposit" />
            <BigAmount label={t.day.deposited} fen={data.deposited} testId="day-deposited" />
            <BigAmount
              label={t.day.undeposited}
              fen={data.cash.undeposited}
              tone={data.cash.undeposited === 0 ? 'good' : 'bad'}
              testId="day-undeposited"
            />
          </div>
          <DayCashLines report={data} />
          <UnsettledList unsettled={data.unsettled} />
          <DayReportTables report={data} closable={othersOpen} onCloseFor={setClosingFor} />
        </Spin>
      )}
      {closingFor && data && (
        <CloseForModal
          shiftId={closingFor}
          onCancel={() => setClosingFor(undefined)}
          onDone={() => {
            setClosingFor(undefined);
            void load(data.businessDate);
          }}
        />
      )}
      {depositing && data && (
        <DepositModal
          businessDate={data.businessDate}
          late={data.closed}
          onCancel={() => setDepositing(false)}
          onDone={() => {
            setDepositing(false);
            void load(data.businessDate);
          }}
        />
      )}
    </div>
  );
}
