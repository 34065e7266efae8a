/**
 * A printed receipt (printed.ts) as an SVG picture of the paper: each character cell 12 px wide (a full-width
 * character two cells, as the printer counts them), lines 28 px high times the character height, bold,
 * underline and double size as printed, alignment by the paper's columns, the cut as a dashed line. The QR
 * code and the barcode are drawn as marked boxes with their content, as in the print preview (the printer
 * draws the real symbols). Every character is placed on its own cell, so columns line up whatever font the
 * viewer has. The printer emulator writes one next to each text receipt. Runtime: any.
 */
import type { Receipt, Segment } from './printed';

const CELL = 12;
const LINE = 28;
const FONT = 20;
const MARGIN = 12;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One styled run, every character placed on its own cell (x given per character), so columns line up. */
function run(s: Segment, x0: number, y: number, width: (s: string) => number): { svg: string; end: number } {
  // Spaces only move the pen: an SVG viewer would collapse them and shift every character after.
  const xs: number[] = [];
  let shown = '';
  let x = x0;
  for (const ch of s.text) {
    if (ch !== ' ') {
      xs.push(x);
      shown += ch;
    }
    x += width(ch) * CELL * s.width;
  }
  // Glyphs as wide as the character scale; a taller scale (double height only) stretches them vertically.
  const tall = s.height / s.width;
  const attrs = [
    `x="${xs.join(' ')}"`,
    ...(tall === 1 ? [`y="${y}"`] : ['y="0"', `transform="translate(0 ${y}) scale(1 ${tall})"`]),
    `font-size="${FONT * s.width}"`,
    ...(s.bold ? ['font-weight="bold"'] : []),
    ...(s.underline ? ['text-decoration="underline"'] : []),
  ];
  return { svg: shown ? `<text ${attrs.join(' ')}>${esc(shown)}</text>` : '', end: x };
}

/** Long content (a QR code's) in lines that fit the paper, at the small size. */
function wrap(text: string, perLine: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += perLine) out.push(text.slice(i, i + perLine));
  return out;
}

export function receiptSvg(r: Receipt, columns: number, width: (s: string) => number): string {
  const paper = columns * CELL;
  const parts: string[] = [];
  let y = MARGIN;
  const startX = (align: string, used: number) =>
    MARGIN + (align === 'center' ? (paper - used) / 2 : align === 'right' ? paper - used : 0);
  for (const e of r.elements) {
    if (e.kind === 'line') {
      const height = Math.max(1, ...e.segments.map((s) => s.height));
      const runs = e.segments.filter((s) => s.text.length > 0);
      const used = runs.reduce((n, s) => n + width(s.text) * CELL * s.width, 0);
      let x = startX(e.align, Math.min(used, paper));
      y += LINE * height;
      for (const s of runs) {
        const r = run(s, x, y - 8, width);
        if (r.svg) parts.push(r.svg);
        x = r.end;
      }
      continue;
    }
    const box = e.kind === 'qr' ? 8 * CELL : 3 * LINE;
    const boxWidth = e.kind === 'qr' ? box : Math.min(paper, (width(e.data) + 4) * CELL);
    const x = startX(e.align, boxWidth);
    parts.push(
      `<rect x="${x}" y="${y + 4}" width="${boxWidth}" height="${box}" fill="none" stroke="#000" stroke-dasharray="4 3"/>`,
      `<text x="${x + boxWidth / 2}" y="${y + 4 + box / 2 + 6}" font-size="${FONT}" text-anchor="middle">${e.kind === 'qr' ? 'QR' : '|||'}</text>`,
    );
    y += box + 8;
    const label = `${e.kind === 'qr' ? '二维码' : '条码'} ${e.data}`;
    for (const part of wrap(label, Math.floor(paper / (FONT * 0.7 * 0.62)))) {
      y += LINE * 0.7;
      parts.push(`<text x="${MARGIN}" y="${y - 6}" font-size="${FONT * 0.7}">${esc(part)}</text>`);
    }
  }
  if (r.cut) {
    y += LINE;
    parts.push(
      `<line x1="${MARGIN}" y1="${y - 12}" x2="${MARGIN + paper - 2 * CELL}" y2="${y - 12}" stroke="#000" stroke-dasharray="6 4"/>`,
      `<text x="${MARGIN + paper - CELL}" y="${y - 6}" font-size="${FONT}">✂</text>`,
    );
  }
  const height = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${paper + 2 * MARGIN}" height="${height}" viewBox="0 0 ${paper + 2 * MARGIN} ${height}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<g font-family="'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace" fill="#000">`,
    ...parts,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
