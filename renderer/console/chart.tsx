/**
 * One chart of the console, drawn by AntV G2 on a canvas: a trend (line), a share (pie) or a comparison (bars)
 * of labelled values. G2 needs no eval, so it runs under the console's CSP. After each drawing the figure
 * states what it drew: `data-marks` holds the label and value of every mark G2 rendered (read back from G2's
 * scene, not from the input), for a screen reader's summary and for the tests. Runtime: browser.
 */
import { Chart } from '@antv/g2';
import { useEffect, useRef } from 'react';

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
}
export type ChartKind = 'trend' | 'share' | 'compare';

interface Props {
  readonly title: string;
  readonly kind: ChartKind;
  readonly points: readonly ChartPoint[];
  /** The unit of the values, for the axis and the tooltip: m³, 元 … */
  readonly unit: string;
  readonly height?: number;
}

function spec(kind: ChartKind, data: ChartPoint[], unit: string) {
  const tooltip = {
    items: [{ channel: 'y', name: unit, valueFormatter: (v: number) => v.toLocaleString('zh-CN') }],
  };
  if (kind === 'share')
    return {
      type: 'interval' as const,
      data,
      coordinate: { type: 'theta' as const, outerRadius: 0.8 },
      transform: [{ type: 'stackY' as const }],
      encode: { y: 'value', color: 'label' },
      legend: { color: { position: 'right' as const } },
      labels: [{ text: 'label', position: 'outside' as const }],
      tooltip: { title: 'label', ...tooltip },
      animate: false as const,
    };
  return {
    type: kind === 'trend' ? ('line' as const) : ('interval' as const),
    data,
    encode: { x: 'label', y: 'value' },
    scale: { y: { domainMin: 0, nice: true } },
    axis: { y: { title: unit }, x: { title: false as const } },
    tooltip,
    animate: false as const,
  };
}

/**
 * The label and value of each mark G2 drew: a bar or a slice is one element holding its datum; a line is one
 * element for the whole series, holding the indexes of the data it joined.
 */
function drawnMarks(chart: Chart, data: readonly ChartPoint[]): ChartPoint[] {
  const canvas = chart.getContext().canvas;
  if (!canvas) return [];
  const elements = canvas.document.getElementsByClassName('element') as unknown as {
    __data__?: { data?: ChartPoint; seriesIndex?: number[] };
  }[];
  const out: ChartPoint[] = [];
  for (const e of elements) {
    const d = e.__data__;
    const rows = d?.seriesIndex ? d.seriesIndex.map((i) => data[i]) : [d?.data];
    for (const r of rows) if (r) out.push({ label: String(r.label), value: Number(r.value) });
  }
  return out;
}

export function ReportChart({ title, kind, points, unit, height = 280 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.dataset.drawn = 'false';
    const data = points.map((p) => ({ ...p }));
    const chart = new Chart({ container: el, autoFit: true, height });
    chart.options(spec(kind, data, unit) as Parameters<Chart['options']>[0]);
    let alive = true;
    chart.render().then(
      () => {
        if (!alive) return;
        el.dataset.marks = JSON.stringify(drawnMarks(chart, data));
        el.dataset.drawn = 'true';
      },
      () => {
        if (alive) el.dataset.drawn = 'failed';
      },
    );
    return () => {
      alive = false;
      chart.destroy();
    };
  }, [kind, points, unit, height]);
  return (
    <figure className="report-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div ref={box} data-testid="report-chart" data-kind={kind} />
    </figure>
  );
}
