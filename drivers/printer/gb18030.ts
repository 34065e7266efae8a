/**
 * Text for Chinese receipt printers: GB18030 bytes through iconv-lite, restricted to what printers can print —
 * single bytes and the 2-byte area. `¥` becomes the full-width `￥`; any character whose GB18030 form takes
 * 4 bytes is replaced. Column width is the byte length (a Hanzi is 2 columns). Runtime: Node.
 */
import iconv from 'iconv-lite';

export const REPLACEMENT = '?';

/** Symbols receipts use that have no 2-byte GB18030 form, and what prints instead. */
const SUBSTITUTES: Record<string, string> = { '¥': '￥', '³': '3', '²': '2' };

/** Makes text printable: ¥ → ￥, m³ → m3, other 4-byte GB18030 characters (emoji, rare Hanzi) → '?', control chars dropped. */
export function printable(text: string): string {
  let out = '';
  for (const raw of text) {
    const ch = SUBSTITUTES[raw] ?? raw;
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) continue;
    out += code < 0x80 || iconv.encode(ch, 'gb18030').length === 2 ? ch : REPLACEMENT;
  }
  return out;
}

export function encodeText(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(printable(text), 'gb18030'));
}

/** Printed width in columns (= GBK bytes). */
export function textWidth(text: string): number {
  return iconv.encode(printable(text), 'gb18030').length;
}

/** Cuts text to at most `columns`, never splitting a 2-byte character. */
export function clip(text: string, columns: number): string {
  let out = '';
  let w = 0;
  for (const ch of printable(text)) {
    const cw = ch.codePointAt(0)! < 0x80 ? 1 : 2;
    if (w + cw > columns) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** Splits text into lines of at most `columns`. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let rest = printable(text);
  while (textWidth(rest) > columns) {
    const head = clip(rest, columns);
    lines.push(head);
    rest = rest.slice(head.length);
  }
  lines.push(rest);
  return lines;
}

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}
