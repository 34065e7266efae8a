/**
 * 报表 at the counter (the menu's 报表): a report of this counter's own data (reports.run, the definitions head office uses)
 * for a day, a week, a month, a year, a range or since the start — the same kinds as the console's, with the
 * same charts (AntV G2) and tables, printed on A4 (打印: the print dialog with its preview; the menu and the
 * form are left off the page). For the cashier, the 班长 and the administrator. Runtime: browser.
 */
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { OpInput } from '../../../core/contract';
import { REPORT_KINDS, REPORT_TITLES, type Report, type ReportKind } from '../../../core/reports/definitions';
import { api } from '../../api/client';
import { ReportCharts } from '../../console/report-charts';
import { ReportTables } from '../../console/report-tables';
import { useT } from '../../i18n';
import { useErrorText } from '../../shell/errors';
import { todayIso } from '../../shell/format';

const PERIODS = ['day', 'week', 'month', 'year', 'range', 'cumulative'] as const;
type Period = (typeof PERIODS)[number];
const FIELD: Record<Period, 'date' | 'month' | 'year' | 'range' | ''> = {
  day: 'date',
  week: 'date',
  month: 'month',
  year: 'year',
  range: 'range',
  cumulative: '',
};

interface Query {
  kind: ReportKind;
  period: Period;
  date?: string;
  month?: string;
  year?: string;
  from?: string;
  to?: string;
}

/**
 * What reports.run takes: only the fields the period uses, trimmed; an empty day, month or year is today's, this
 * month or this year in the counter's zone (as the fields' labels say).
 */
export function reportInput(q: Query, today = todayIso()): OpInput<'reports.run'> {
  const f = FIELD[q.period];
  const t = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return {
    kind: q.kind,
    period: q.period,
    ...(f === 'date' ? { date: t(q.date) ?? today } : {}),
    ...(f === 'month' ? { month: t(q.month) ?? today.slice(0, 7) } : {}),
    ...(f === 'year' ? { year: t(q.year) ?? today.slice(0, 4) } : {}),
    ...(f === 'range' ? { from: t(q.from), to: t(q.to) } : {}),
  };
}

export function ReportsPage() {
  const t = useT().reports;
  const errorText = useErrorText();
  const [form] = Form.useForm<Query>();
  const period = Form.useWatch('period', form) ?? 'day';
  const field = FIELD[period];
  const [report, setReport] = useState<Report>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (q: Query) => {
    setBusy(true);
    try {
      setReport(await api['reports.run'](reportInput(q)));
      setProblem(undefined);
    } catch (e) {
      setReport(undefined);
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} className="counter-reports">
      <Card className="no-print" title={t.title}>
        <Form<Query>
          form={form}
          layout="inline"
          initialValues={{ kind: 'gas', period: 'day' }}
          onFinish={run}
        >
          <Form.Item name="kind" label={t.kind} htmlFor="report-kind">
            <Select
              id="report-kind"
              // The report's kind has the focus on arrival (from the menu, whose item had it).
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 260 }}
              options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_TITLES[k] }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t.period} htmlFor="report-period">
            <Select
              id="report-period"
              style={{ width: 170 }}
              options={PERIODS.map((p) => ({ value: p, label: t.periods[p] }))}
            />
          </Form.Item>
          {(field === 'date' || field === 'month' || field === 'year') && (
            <Form.Item name={field} label={t.fields[field]} htmlFor="report-when">
              <Input
                id="report-when"
                style={{ width: 130 }}
                placeholder={t.hints[field]}
                autoComplete="off"
              />
            </Form.Item>
          )}
          {field === 'range' && (
            <>
              <Form.Item name="from" label={t.from} htmlFor="report-from">
                <Input
                  id="report-from"
                  style={{ width: 130 }}
                  placeholder={t.hints.date}
                  autoComplete="off"
                />
              </Form.Item>
              <Form.Item name="to" label={t.to} htmlFor="report-to">
                <Input id="report-to" style={{ width: 130 }} placeholder={t.hints.date} autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="report-run">
            {t.run}
          </Button>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {report && (
        <Card
          title={report.title}
          data-testid="counter-report"
          extra={
            <Button className="no-print" onClick={() => window.print()}>
              {t.print}
            </Button>
          }
        >
          <ReportCharts report={report} />
          <ReportTables report={report} />
        </Card>
      )}
    </Space>
  );
}
