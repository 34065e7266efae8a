/**
 * The error report of a dry run (or the skipped rows of a run) as an .xlsx the administrator opens in Excel:
 * 行号, 列, 错误代码, 原因 — one line per problem, streamed to the file. Runtime: Node.
 */
import ExcelJS from 'exceljs';
import type { ReportIssue } from './scan';

export async function writeErrorReport(
  path: string,
  issues: readonly ReportIssue[],
  total: number,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('错误报告');
  ws.addRow(['行号', '列', '错误代码', '原因']).commit();
  for (const i of issues) ws.addRow([i.rowNo, i.column, i.code, i.message]).commit();
  if (total > issues.length)
    ws.addRow(['', '', '', `另有 ${total - issues.length} 处错误未列出：请先改正以上各行`]).commit();
  ws.commit();
  await wb.commit();
}
