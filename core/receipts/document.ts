/**
 * A receipt as data, independent of the printer: blocks that the ESC/POS renderer (drivers/printer) turns into
 * bytes, and that HTML rendering can show. Layouts are pure functions from business data to a document.
 * Runtime: any.
 */
export type Align = 'left' | 'center' | 'right';

export type Block =
  /**
   * Text wrapped to the paper without splitting a word or a number; with `parts` (an address, a title: `text` is
   * their concatenation) a line breaks only between them.
   */
  | { t: 'text'; text: string; parts?: string[]; align?: Align; bold?: boolean; size?: 1 | 2 }
  | { t: 'row'; left: string; right: string; bold?: boolean; size?: 1 | 2 }
  | { t: 'cells'; values: string[]; widths: number[]; aligns?: Align[] }
  | { t: 'rule'; ch?: string }
  | { t: 'qr'; data: string }
  | { t: 'barcode'; data: string }
  | { t: 'feed'; lines: number }
  | { t: 'drawer' }
  | { t: 'cut' };

export interface ReceiptDoc {
  /** Paper columns the layout was made for: 32 (58 mm) or 48 (80 mm). */
  columns: 32 | 48;
  blocks: Block[];
}

/** Column widths that add up to the paper width, from proportions. */
export function columnWidths(columns: number, proportions: number[]): number[] {
  const total = proportions.reduce((a, b) => a + b, 0);
  const widths = proportions.map((p) => Math.floor((p * columns) / total));
  widths[0]! += columns - widths.reduce((a, b) => a + b, 0);
  return widths;
}
