/**
 * A report's tables (core/reports) with their 合计 rows, money in 元 and volumes in m³: the console's 报表 and
 * the counter's 报表 screen alike. Runtime: browser.
 */
import { Space, Table, Typography } from 'antd';
import { type Report, REPORT_TABLES, type ReportRow } from '../../core/reports/definitions';
import { m3, yuan } from '../shell/money';

function cell(type: string, v: string | number | undefined): string | number {
  if (typeof v !== 'number') return v ?? '';
  if (type === 'money') return yuan(v);
  if (type === 'volume') return m3(v);
  return v;
}

export function ReportTables({ report }: { report: Report }) {
  const defs = REPORT_TABLES[report.kind];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="report-filter">{report.filter}</Typography.Text>
      {report.tables.map((t) => {
        const def = defs.find((d) => d.key === t.key);
        const columns = def?.columns ?? [];
        const total: ReportRow = {};
        if (def?.totals)
          for (const c of columns)
            if (c.type !== 'text') total[c.key] = t.rows.reduce((s, r) => s + Number(r[c.key] ?? 0), 0);
        if (def?.totals && columns[0]) total[columns[0].key] = '合计';
        const rows = def?.totals && t.rows.length > 0 ? [...t.rows, total] : t.rows;
        return (
          <Table<ReportRow>
            key={t.key}
            title={() => t.title}
            aria-label={t.title}
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={rows}
            columns={columns.map((c) => ({
              title: c.header,
              key: c.key,
              align: c.type === 'text' ? 'left' : 'right',
              render: (_: unknown, r: ReportRow) => cell(c.type, r[c.key]),
            }))}
          />
        );
      })}
    </Space>
  );
}
