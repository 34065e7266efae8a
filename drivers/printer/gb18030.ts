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

/** Splits text into lines of at most `columns`, anywhere between characters (see wrapWords for receipts). */
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

/**
 * The pieces a line may break between: a run of printable ASCII (a number, an amount, a code, a word — with a
 * one-character unit after a number, 12栋, 50次, and 单元) is one piece; each other character is one, opening
 * punctuation and ￥ held to what follows, closing punctuation to what precedes; spaces are pieces a line may end
 * at (and that a new line drops).
 */
const WORD =
  /[（【「《〈‘“(￥]*(?:[\x21-\x7e]+(?:单元|[档栋幢号楼室次元角分张笔户人年月日个])?|[^\x20-\x7e])[，。、；：！？）】」》〉’”%％]*| +/gu;

/** A word's opening punctuation, the word, its closing punctuation. */
const HELD = /^([（【「《〈‘“(￥]*)(.*?)([，。、；：！？）】」》〉’”%％]*)$/u;

export function words(text: string): string[] {
  return printable(text).match(WORD) ?? [];
}

/**
 * Lines of at most `columns` that never split a word, a number or an amount (words()): text given as `parts`
 * (an address: 小区 / 楼栋 / 单元 / 门牌号, a title) breaks only between its parts. Only a piece wider than a
 * whole line is broken: a part into words, a word between its characters. Spaces where a line breaks go.
 */
export function wrapWords(text: string | readonly string[], columns: number): string[] {
  const cols = Math.max(2, columns);
  const units: string[] = [];
  const add = (u: string, level: 'part' | 'word' | 'core') => {
    if (textWidth(u) <= cols) units.push(u);
    else if (level === 'part') for (const w of words(u)) add(w, 'word');
    else if (level === 'word') {
      // Let go of the punctuation held to it first: the number itself may still fit a line.
      const [, open = '', core = '', close = ''] = HELD.exec(u) ?? [];
      for (const piece of [open, core, close]) if (piece) add(piece, 'core');
    } else units.push(...wrap(u, cols).filter((x) => x.length > 0));
  };
  if (typeof text === 'string') for (const w of words(text)) add(w, 'word');
  else for (const p of text) add(printable(p), 'part');
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const u of units) {
    const w = textWidth(u);
    if (width + w <= cols) {
      line += u;
      width += w;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    const blank = u.trim() === '';
    line = blank ? '' : u;
    width = blank ? 0 : w;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}
