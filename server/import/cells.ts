/**
 * One cell of an imported file as text: full-width digits, letters and punctuation made half-width, spaces
 * (also the ideographic space and NBSP) trimmed, an Excel formula taken by its cached value, an Excel error
 * (#N/A...) or a formula without a value refused; and the typed readings a template column needs — a date
 * (also an Excel serial number), an integer, money in exact decimal yuan as integer fen (no floats). Runtime: Node.
 */

/** A cell that cannot be read as a value, with the reason in Chinese. */
export class CellProblem {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export type Cell = string | null | CellProblem;

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; the ideographic space to a space. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function cleanText(s: string): string | null {
  const t = halfWidth(s)
    .replace(/\u00a0/g, ' ')
    .trim();
  return t === '' ? null : t;
}

/** A number as Excel stores it, written without exponent or binary noise (0.1+0.2 stays 0.3 as shown). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** Excel serial day 1 = 1900-01-01, with Excel's 1900 leap-year bug: serial 60 does not exist. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export function excelDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

/** An exceljs cell value (streaming reader, styles ignored) as a Cell. */
export function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return new CellProblem('CELL_ERROR', `单元格是错误值 ${String(o.error)}`);
    if ('formula' in o || 'sharedFormula' in o) {
      if (!('result' in o) || o.result === undefined || o.result === null)
        return new CellProblem(
          'FORMULA_NO_VALUE',
          '单元格是公式且没有计算结果：请在 Excel 中复制后“粘贴为数值”',
        );
      return xlsxCell(o.result);
    }
    if (Array.isArray(o.richText))
      return cleanText((o.richText as { text: string }[]).map((r) => r.text).join(''));
    if ('text' in o) return cleanText(String(o.text));
  }
  return cleanText(String(v));
}

const DATE_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** YYYY-MM-DD from 2024-3-5, 2024/03/05, 2024年3月5日, 20240305 or an Excel serial (e.g. 45356). */
export function readDate(s: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const hit = DATE_RE.exec(s);
  if (hit) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if (/^\d{8}$/.test(s)) [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6))];
  else if (/^\d{1,5}(\.\d+)?$/.test(s) && Number(s) >= 1 && Number(s) < 100_000) return excelDate(Number(s));
  else return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** Exact decimal yuan (at most 2 decimals, thousands separators allowed) → integer fen; null if not money. */
export function readFen(s: string): number | null {
  const hit = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s.replace(/^[¥￥]/, ''));
  if (!hit) return null;
  const yuan = hit[2]!.replace(/,/g, '');
  if (yuan.length > 13) return null;
  const fen = Number(yuan) * 100 + Number((hit[3] ?? '').padEnd(2, '0'));
  return hit[1] === '-' ? -fen : fen;
}

/** A whole number (1.0 as Excel may give it too); null if not one. */
export function readInt(s: string): number | null {
  const hit = /^([+-]?\d{1,12})(?:\.0+)?$/.exec(s);
  return hit ? Number(hit[1]) : null;
}

/** Cubic metres with up to 2 decimals → the counter's volume unit (0.01 m³); null if not one. */
export function readVolume(s: string): number | null {
  const fen = readFen(s);
  return fen === null || fen < 0 ? null : fen;
}
