/**
 * A receipt or report document as a self-contained HTML page, for office printers (printed through the desktop
 * shell, silently to a named printer, or saved as PDF) and for the browser's own print dialog. Every text is
 * escaped; no script, no external resource. Runtime: any.
 */
import type { Block, ReceiptDoc } from './document';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function block(b: Block): string {
  switch (b.t) {
    case 'text':
      return `<p class="${[b.align ?? 'left', b.bold ? 'b' : '', b.size === 2 ? 'big' : ''].join(' ').trim()}">${esc(b.text)}</p>`;
    case 'row':
      return `<p class="row${b.bold ? ' b' : ''}"><span>${esc(b.left)}</span><span>${esc(b.right)}</span></p>`;
    case 'cells':
      return `<table><tr>${b.values.map((v, i) => `<td class="${b.aligns?.[i] ?? 'left'}" style="width:${b.widths[i]}ch">${esc(v)}</td>`).join('')}</tr></table>`;
    case 'rule':
      return '<hr>';
    case 'qr':
      return `<p class="center code">[${esc(b.data)}]</p>`;
    case 'barcode':
      return `<p class="center code">${esc(b.data)}</p>`;
    case 'feed':
      return '<br>'.repeat(b.lines);
    case 'drawer':
    case 'cut':
      return '';
  }
}

export function receiptHtml(doc: ReceiptDoc, title: string): string {
  const width = doc.columns === 48 ? '80mm' : '58mm';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: ${width} auto; margin: 3mm; }
body { font-family: "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "SimSun", monospace; font-size: 10pt; width: ${doc.columns}ch; margin: 0 auto; }
p { margin: 0; white-space: pre-wrap; } .left { text-align: left } .center { text-align: center } .right { text-align: right }
.b { font-weight: bold } .big { font-size: 160%; } .row { display: flex; justify-content: space-between; gap: 1ch; }
table { border-collapse: collapse; width: 100%; } td { padding: 0; } hr { border: 0; border-top: 1px dashed #000; }
.code { font-size: 80%; word-break: break-all; }
</style></head><body>
${doc.blocks.map(block).join('\n')}
</body></html>`;
}
