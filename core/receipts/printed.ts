/**
 * What a receipt printer printed, as data: the printer emulator produces it from bytes, the print preview
 * renders it, so what the cashier sees is what the printer gets. Runtime: any.
 */
import type { Align } from './document';

export interface Segment {
  text: string;
  bold: boolean;
  underline: boolean;
  /** Character scale (GS !), 1–8. */
  width: number;
  height: number;
}

export type ReceiptElement =
  | { kind: 'line'; align: Align; segments: Segment[] }
  | { kind: 'qr'; align: Align; data: string; size: number; ec: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'barcode'; align: Align; data: string };

export interface Receipt {
  elements: ReceiptElement[];
  /** Cut at the end (a finished receipt). */
  cut: boolean;
  drawerPulses: number;
}

/** Plain text of a receipt at a paper width, lines padded for alignment (for files and quick checks). */
export function receiptText(r: Receipt, columns: number, width: (s: string) => number): string {
  const out: string[] = [];
  for (const e of r.elements) {
    let text: string;
    if (e.kind === 'line') text = e.segments.map((s) => s.text).join('');
    else if (e.kind === 'qr') text = `[QR ${e.data}]`;
    else text = `[||| ${e.data} |||]`;
    const scale = e.kind === 'line' ? Math.max(1, ...e.segments.map((s) => s.width)) : 1;
    const pad = Math.max(0, Math.floor(columns / scale) - width(text));
    out.push(
      e.align === 'center'
        ? ' '.repeat(pad >> 1) + text
        : e.align === 'right'
          ? ' '.repeat(pad) + text
          : text,
    );
  }
  if (r.cut) out.push(`${'-'.repeat(columns)} ✂`);
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}
