/**
 * 报表: any report of core/reports for a period and a scope (the company, a hall, or a counter of it), shown as
 * its tables with their 合计 rows, and exported to Excel by head office (streamed; the same figures). A hall
 * manager chooses one of their halls (head office refuses the company's figures to them). Charts above the
 * tables (report-charts.tsx); 打印 prints the report on A4 (console.css), the browser's print preview first.
 * Runtime: browser.
 */
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useCallback } from 'react';
import { type Report, REPORT_KINDS, REPORT_TITLES, type ReportKind } from '../../../core/reports/definitions';
import type { Hall } from '../../../core/sync/wire-admin';
import { get } from '../api';
import type { Me } from '../console-app';
import { ReportCharts } from '../report-charts';
import { ReportTables } from '../report-tables';
import { useLoad, useRun } from '../use-load';

const PERIODS = [
  { value: 'day', label: '日', field: 'date', hint: '2026-03-01' },
  { value: 'week', label: '周（含该日的一周）', field: 'date', hint: '2026-03-01' },
  { value: 'month', label: '月', field: 'month', hint: '2026-03' },
  { value: 'year', label: '年', field: 'year', hint: '2026' },
  { value: 'range', label: '自定义区间', field: 'range', hint: '' },
  { value: 'cumulative', label: '累计（自开始以来）', field: '', hint: '' },
] as const;

interface Query {
  kind: ReportKind;
  period: (typeof PERIODS)[number]['value'];
  date?: string;
  month?: string;
  year?: string;
  from?: string;
  to?: string;
  hall?: string;
}

/** The query string head office takes (core/reports' reportQuerySchema): only what the period uses. */
export function queryString(q: Query): string {
  const p = new URLSearchParams({ period: q.period });
  const field = PERIODS.find((x) => x.value === q.period)?.field;
  if (field === 'range') {
    if (q.from) p.set('from', q.from.trim());
    if (q.to) p.set('to', q.to.trim());
  } else if (field && q[field]) p.set(field, String(q[field]).trim());
  if (q.hall) p.set('hall', q.hall);
  return p.toString();
}

export function ReportsPage({ me }: { me: Me }) {
  const [form] = Form.useForm<Query>();
  const loadHalls = useCallback(async () => (await get<{ halls: Hall[] }>('/admin/halls')).halls, []);
  const halls = useLoad(loadHalls);
  const period = Form.useWatch('period', form) ?? 'month';
  const field = PERIODS.find((p) => p.value === period)?.field;
  const {
    result: report,
    problem,
    busy,
    run,
  } = useRun(async (q: Query) => {
    const query = queryString(q);
    return { report: await get<Report>(`/admin/reports/${q.kind}?${query}`), query };
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card className="no-print">
        <Form<Query>
          form={form}
          layout="inline"
          initialValues={{
            kind: 'gas',
            period: 'month',
            hall: me.role === 'hall_manager' ? me.halls[0] : undefined,
          }}
          onFinish={run}
        >
          <Form.Item name="kind" label="报表">
            <Select
              style={{ width: 260 }}
              options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_TITLES[k] }))}
            />
          </Form.Item>
          <Form.Item name="period" label="期间">
            <Select
              style={{ width: 170 }}
              options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
            />
          </Form.Item>
          {field && field !== 'range' && (
            <Form.Item name={field} label={{ date: '日期', month: '月份', year: '年份' }[field]}>
              <Input style={{ width: 130 }} placeholder={PERIODS.find((p) => p.value === period)?.hint} />
            </Form.Item>
          )}
          {field === 'range' && (
            <>
              <Form.Item name="from" label="自">
                <Input style={{ width: 130 }} placeholder="2026-03-01" />
              </Form.Item>
              <Form.Item name="to" label="至">
                <Input style={{ width: 130 }} placeholder="2026-03-31" />
              </Form.Item>
            </>
          )}
          <Form.Item name="hall" label="网点">
            <Select
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear={me.role !== 'hall_manager'}
              placeholder="全公司"
              options={(halls.data ?? []).map((h) => ({ value: h.code, label: `${h.code} ${h.name}` }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {report && (
        <Card
          title={report.report.title}
          extra={
            <Space>
              <Button onClick={() => window.print()}>打印</Button>
              <Button href={`/admin/reports/${report.report.kind}/export.xlsx?${report.query}`} download>
                导出 Excel
              </Button>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <ReportCharts report={report.report} />
            <ReportTables report={report.report} />
          </Space>
        </Card>
      )}
    </Space>
  );
}
