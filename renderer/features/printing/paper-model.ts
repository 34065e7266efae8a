/**
 * The printed receipt model (printers' reading of the very bytes sent) laid out on paper columns, as the
 * printer does it: a single-byte character takes one column, a 2-byte GB18030 character (Hanzi, full-width
 * ￥) two; GS ! scales multiply that; ESC a centres or right-aligns what is left of the line.
 * Runtime: any.
 */
import type { OpOutput } from '../../../core/contract';

export type PrintedReceipt = OpOutput<'receipts.preview'>['receipt'];
export type PaperElement = PrintedReceipt['elements'][number];
export type PaperLine = Extract<PaperElement, { kind: 'line' }>;
export type PaperSegment = PaperLine['segments'][number];
export type Align = PaperLine['align'];

/** Columns one character takes: the printer's text is single bytes (ASCII) or 2-byte GB18030. */
export function charColumns(ch: string): 1 | 2 {
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** A piece of text drawn in one box: a run of single-byte characters, or one double-width character. */
export interface Run {
  text: string;
  /** Columns at scale 1. */
  cols: number;
}

/** Splits text into runs: consecutive single-byte characters together, each double-width one alone. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let narrow = '';
  for (const ch of text) {
    if (charColumns(ch) === 1) {
      narrow += ch;
      continue;
    }
    if (narrow) runs.push({ text: narrow, cols: narrow.length });
    narrow = '';
    runs.push({ text: ch, cols: 2 });
  }
  if (narrow) runs.push({ text: narrow, cols: narrow.length });
  return runs;
}

/** Character scale of a segment (GS ! allows 1–8). */
export function scaleOf(n: number): number {
  return Math.min(8, Math.max(1, Math.trunc(n) || 1));
}

/** Columns a printed line takes on paper. */
export function lineColumns(segments: readonly PaperSegment[]): number {
  return segments.reduce((sum, s) => sum + textColumns(s.text) * scaleOf(s.width), 0);
}

/** Blank columns before the text: the printer aligns within the printable width. */
export function leftPad(align: Align, used: number, columns: number): number {
  const free = Math.max(0, columns - used);
  if (align === 'center') return free / 2;
  if (align === 'right') return free;
  return 0;
}

/** Paper columns: 58 mm paper has 32, 80 mm has 48. */
export function columnsOfWidth(width: 58 | 80): 32 | 48 {
  return width === 58 ? 32 : 48;
}

/** Paper width in mm for a column count (for the caption). */
export function widthOfColumns(columns: number): 58 | 80 {
  return columns <= 32 ? 58 : 80;
}

/** The receipt's plain text, line by line (what a test or a screen reader needs). */
export function paperText(receipt: PrintedReceipt): string {
  return receipt.elements
    .map((e) => (e.kind === 'line' ? e.segments.map((s) => s.text).join('') : e.data))
    .join('\n');
}
