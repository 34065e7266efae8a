/**
 * An ESC/POS encoder that is GB18030-aware by design: the commands receipts need (init, Chinese mode, styles,
 * double size, alignment, two-column and table rows, rules, QR code, barcode, feed-and-cut, cash drawer,
 * real-time status), with column layout by GBK byte width for 58 mm (32 columns) and 80 mm (48) paper.
 * Runtime: Node.
 */
import { encodeText, textWidth, wrapWords } from './gb18030';

export type Align = 'left' | 'center' | 'right';
export type PaperWidth = 58 | 80;
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;

export const QR_EC = { L: 48, M: 49, Q: 50, H: 51 } as const;

export class EscPos {
  private readonly out: number[] = [];
  readonly columns: number;
  private scale = 1;

  constructor(readonly paper: PaperWidth = 80) {
    this.columns = COLUMNS[paper];
  }

  private raw(...bytes: number[]): this {
    this.out.push(...bytes);
    return this;
  }

  /** ESC @, then FS & (Chinese mode: 2-byte characters as GB18030). */
  init(): this {
    return this.raw(ESC, 0x40, FS, 0x26);
  }

  leaveChinese(): this {
    return this.raw(FS, 0x2e);
  }

  align(a: Align): this {
    return this.raw(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);
  }

  bold(on = true): this {
    return this.raw(ESC, 0x45, on ? 1 : 0);
  }

  underline(on = true): this {
    return this.raw(ESC, 0x2d, on ? 1 : 0);
  }

  /** GS ! : character size 1–8 × 1–8. Layout helpers account for the width. */
  size(width = 1, height = 1): this {
    this.scale = width;
    return this.raw(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** Text without a line feed. */
  text(s: string): this {
    this.out.push(...encodeText(s));
    return this;
  }

  line(s = ''): this {
    return this.text(s).raw(LF);
  }

  /** Columns of a line at the current character width. */
  private get lineColumns(): number {
    return Math.floor(this.columns / this.scale);
  }

  /**
   * Text wrapped to the paper width (at the current size) without splitting a word or a number; text given as
   * parts (an address, a title) breaks only between them.
   */
  paragraph(s: string | readonly string[]): this {
    for (const l of wrapWords(s, this.lineColumns)) this.line(l);
    return this;
  }

  feed(lines = 1): this {
    return this.raw(ESC, 0x64, lines);
  }

  /**
   * `left ........ right` on one line; when both do not fit, the left on its own line(s) and the right below it,
   * right-aligned — nothing is clipped.
   */
  row(left: string, right: string, fill = ' '): this {
    const cols = this.lineColumns;
    const lw = textWidth(left);
    const rw = textWidth(right);
    if (lw + 1 + rw <= cols) return this.line(left + fill.repeat(cols - lw - rw) + right);
    for (const l of wrapWords(left, cols)) this.line(l);
    for (const r of wrapWords(right, cols)) this.line(' '.repeat(Math.max(0, cols - textWidth(r))) + r);
    return this;
  }

  /**
   * A table row: cells in columns of the given widths; a value wider than its column wraps within it (more
   * lines for the row), never cut.
   */
  cells(values: string[], widths: number[], aligns: Align[] = []): this {
    const wrapped = values.map((v, i) => wrapWords(v, widths[i]!));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    for (let row = 0; row < height; row++) {
      let s = '';
      wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        const c = lines[row] ?? '';
        const pad = ' '.repeat(Math.max(0, w - textWidth(c)));
        const a = aligns[i] ?? 'left';
        s +=
          a === 'right'
            ? pad + c
            : a === 'center'
              ? pad.slice(0, pad.length >> 1) + c + pad.slice(pad.length >> 1)
              : c + pad;
      });
      this.line(s.trimEnd());
    }
    return this;
  }

  rule(ch = '-'): this {
    return this.line(ch.repeat(Math.floor(this.lineColumns / textWidth(ch))));
  }

  /** GS ( k: QR model 2, module size, error correction, store, print. */
  qr(data: string, opts: { size?: number; ec?: keyof typeof QR_EC } = {}): this {
    const bytes = Array.from(new TextEncoder().encode(data));
    const storeLen = bytes.length + 3;
    return this.raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0)
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, opts.size ?? 6)
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_EC[opts.ec ?? 'M'])
      .raw(GS, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 0x31, 0x50, 0x30, ...bytes)
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
  }

  /** GS k 73 (CODE128, code set B), with the human-readable text below. */
  barcode(data: string, height = 60): this {
    if (!/^[\x20-\x7e]{1,60}$/.test(data))
      throw new RangeError('barcode data must be 1–60 printable ASCII characters');
    const payload = [0x7b, 0x42, ...Array.from(data, (c) => c.charCodeAt(0))];
    return this.raw(GS, 0x68, height, GS, 0x77, 2, GS, 0x48, 2, GS, 0x6b, 73, payload.length, ...payload);
  }

  /** Feeds past the cutter (which sits above the head), then a partial cut: GS V 66 n. */
  cut(feedLines = 4): this {
    return this.raw(GS, 0x56, 66, feedLines * 8);
  }

  /** ESC p m t1 t2: a pulse on drawer pin 2. */
  kickDrawer(): this {
    return this.raw(ESC, 0x70, 0, 25, 250);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.from([DLE, EOT, n]);
}
