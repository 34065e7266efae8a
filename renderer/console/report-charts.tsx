/**
 * The charts of a report, where a person would rather look than read: gas sold day by day (or month by
 * month), its share by user class and by tier, and the halls side by side; fees by item; cash counted and
 * deposited by day. Drawn from the report's own rows, so a chart and its table never disagree. Volumes are
 * shown in m³ and money in 元 (the rows hold 0.01 m³ and 分). Runtime: browser.
 */
import { Col, Row } from 'antd';
import { useMemo } from 'react';
import type { Report, ReportRow } from '../../core/reports/definitions';
import { type ChartKind, type ChartPoint, ReportChart } from './chart';

export interface ChartDef {
  readonly key: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly unit: string;
  readonly points: ChartPoint[];
}

const rowsOf = (r: Report, key: string): ReportRow[] => r.tables.find((t) => t.key === key)?.rows ?? [];
/** 0.01 m³ or 分 → m³ or 元 (two decimals, for drawing only). */
const hundredths = (v: string | number | undefined) => Math.round(Number(v ?? 0)) / 100;

function points(
  rows: readonly ReportRow[],
  label: string,
  value: string,
  positiveOnly: boolean,
): ChartPoint[] {
  return rows
    .map((r) => ({ label: String(r[label] ?? ''), value: hundredths(r[value]) }))
    .filter((p) => (positiveOnly ? p.value > 0 : true));
}

export function chartsOf(r: Report): ChartDef[] {
  const out: ChartDef[] = [];
  const add = (d: ChartDef, min = 1) => {
    if (d.points.length >= min) out.push(d);
  };
  switch (r.kind) {
    case 'gas': {
      const trend = rowsOf(r, 'trend');
      const monthly = trend.some((x) => String(x.period).length === 7);
      add({
        key: 'trend',
        title: monthly ? '售气量走势（按月）' : '售气量走势（按日）',
        kind: 'trend',
        unit: 'm³',
        points: points(trend, 'period', 'volume', false),
      });
      add({
        key: 'byClass',
        title: '售气量占比（按用气性质）',
        kind: 'share',
        unit: 'm³',
        points: points(rowsOf(r, 'byClass'), 'userClass', 'volume', true),
      });
      add({
        key: 'byTier',
        title: '售气量占比（按阶梯）',
        kind: 'share',
        unit: 'm³',
        points: points(rowsOf(r, 'byTier'), 'tier', 'volume', true),
      });
      add(
        {
          key: 'byHall',
          title: '各营业厅售气金额',
          kind: 'compare',
          unit: '元',
          points: points(rowsOf(r, 'byHall'), 'hall', 'amount', false),
        },
        2,
      );
      add(
        {
          key: 'byCounter',
          title: '各柜台售气金额',
          kind: 'compare',
          unit: '元',
          points: points(rowsOf(r, 'byCounter'), 'counter', 'amount', false),
        },
        2,
      );
      return out;
    }
    case 'fees':
      add({
        key: 'byItem',
        title: '收费金额占比（按项目）',
        kind: 'share',
        unit: '元',
        points: points(rowsOf(r, 'byItem'), 'item', 'amount', true),
      });
      return out;
    case 'cash':
      add({
        key: 'counted',
        title: '实点现金（按营业日）',
        kind: 'compare',
        unit: '元',
        points: points(rowsOf(r, 'byDate'), 'date', 'counted', false),
      });
      return out;
    case 'accounts':
      add({
        key: 'acceptances',
        title: '业务受理件数（按类型）',
        kind: 'compare',
        unit: '件',
        points: rowsOf(r, 'acceptances').map((x) => ({ label: String(x.type), value: Number(x.count) })),
      });
      return out;
    default:
      return out;
  }
}

export function ReportCharts({ report }: { report: Report }) {
  const charts = useMemo(() => chartsOf(report), [report]);
  if (charts.length === 0) return null;
  return (
    <Row gutter={[16, 16]} className="report-charts">
      {charts.map((c) => (
        <Col key={c.key} xs={24} lg={c.kind === 'share' ? 12 : 24}>
          <ReportChart title={c.title} kind={c.kind} unit={c.unit} points={c.points} />
        </Col>
      ))}
    </Row>
  );
}
