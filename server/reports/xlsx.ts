/**
 * A report as an .xlsx, written with exceljs's streaming WorkbookWriter into `out` as it goes: each table a
 * worksheet whose committed rows leave memory, so a large 台帐 never holds the whole file. Each sheet states
 * the report, its filter and period at the top, then Chinese headers, the rows and a 合计 row. Money is
 * written in 元 and volume in m³ computed from the integer 分 and 0.01 m³ (an integer divided by 100 is the
 * double nearest the exact decimal, as Excel itself would read it), formatted with two decimals; totals are
 * summed in integers first. Runtime: Node.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type ColumnDef,
  REPORT_TABLES,
  type Report,
  type ReportRow,
  type TableDef,
} from '../../core/reports/definitions';

export const PROGRESS_EVERY = 10_000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FMT: Record<ColumnDef['type'], string | undefined> = {
  text: undefined,
  count: '#,##0',
  money: '#,##0.00',
  volume: '#,##0.00',
};
const WIDTH: Record<ColumnDef['type'], number> = { text: 24, count: 10, money: 16, volume: 14 };

/** A cell's value as the sheet shows it: 元 / m³ from the integer minor units. */
export function cellValue(c: ColumnDef, v: string | number | undefined): string | number {
  if (v === undefined) return '';
  if (c.type === 'money' || c.type === 'volume') return Number(v) / 100;
  return v;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

export interface XlsxTable {
  readonly def: TableDef;
  readonly rows: AsyncIterable<readonly ReportRow[]> | Iterable<readonly ReportRow[]>;
}

/** The report's tables, each one batch of rows (the 台帐's export passes pages of it instead). */
export function tablesOf(report: Report): XlsxTable[] {
  return REPORT_TABLES[report.kind].map((def) => ({
    def,
    rows: [report.tables.find((t) => t.key === def.key)?.rows ?? []],
  }));
}

export async function writeReportXlsx(
  report: Pick<Report, 'title' | 'filter' | 'from' | 'to'>,
  tables: readonly XlsxTable[],
  out: Writable,
  generatedAt: string,
  /** Told the rows written so far, every PROGRESS_EVERY rows (the export's progress, for the log). */
  onProgress: (rows: number) => void = () => {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'GasDesk';
  const used = new Set<string>();
  let written = 0;
  for (const { def, rows } of tables) {
    const ws = wb.addWorksheet(sheetName(def.title, used), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = def.columns.map((c) => ({ key: c.key, width: WIDTH[c.type] }));
    ws.addRow([`${report.title} — ${def.title}`]).commit();
    ws.addRow([`筛选：${report.filter}`]).commit();
    ws.addRow([`期间：${report.from} 至 ${report.to}　生成：${generatedAt}`]).commit();
    const head = ws.addRow(def.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    const sums = def.columns.map(() => 0);
    for await (const batch of rows)
      for (const r of batch) {
        const row = ws.addRow(def.columns.map((c) => cellValue(c, r[c.key])));
        def.columns.forEach((c, i) => {
          const fmt = NUM_FMT[c.type];
          if (fmt) row.getCell(i + 1).numFmt = fmt;
          if (c.type !== 'text') sums[i]! += Number(r[c.key] ?? 0);
        });
        row.commit();
        if (++written % PROGRESS_EVERY === 0) onProgress(written);
      }
    if (def.totals) {
      const total = ws.addRow(
        def.columns.map((c, i) => (i === 0 ? '合计' : cellValue(c, c.type === 'text' ? '' : sums[i]))),
      );
      total.font = { bold: true };
      def.columns.forEach((c, i) => {
        const fmt = NUM_FMT[c.type];
        if (fmt) total.getCell(i + 1).numFmt = fmt;
      });
      total.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
