/**
 * The 隐患整改通知书 of an inspection: the inspection number (also as a barcode), the household, the day and
 * inspector, each hazard found, the rectification deadline and what the household must do — on 80 mm (or
 * 58 mm) receipt paper, and as an A4 page for office printers. Runtime: any.
 */
import type { Inspection } from '../contract/inspections';
import { HAZARD_NOTICE_TEXT, INSPECTION_ITEM_ZH } from '../domain/inspections';
import type { Block, ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';

export const HAZARD_NOTICE_TITLE = '隐患整改通知书';

/** Printed columns of a text: two for a CJK character, one for ASCII. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);

/** The notice's facts, in order, shared by the receipt and the A4 page. */
function facts(i: Inspection): [string, string][] {
  return [
    ['安检单号', i.no],
    ['用户', i.name],
    ['用户编号', i.accountNo],
    ['联系电话', i.phone],
    ['地址', i.address],
    ['安检日期', i.date],
    ['安检员', i.inspector],
    ['整改期限', i.deadline ?? '—'],
  ];
}

const hazardLines = (i: Inspection) =>
  i.hazards.map((h, n) => `${n + 1}. ${INSPECTION_ITEM_ZH[h.item]}：${h.note}`);

export function hazardNoticeDoc(
  i: Inspection,
  h: ReceiptHeader,
  printedAt: string,
  columns: 32 | 48,
  reprint?: { number: number; at: string },
): ReceiptDoc {
  const blocks: Block[] = [
    { t: 'text', text: h.company, align: 'center', bold: true },
    { t: 'text', text: HAZARD_NOTICE_TITLE, align: 'center', bold: true, size: 2 },
    ...(reprint
      ? ([
          { t: 'text', text: `重打 ${reprint.number}  ${reprint.at}`, align: 'center', bold: true },
        ] as Block[])
      : []),
    { t: 'text', text: `${h.hall} ${h.counter}`, align: 'center' },
    ...(i.rectification
      ? ([
          { t: 'text', text: `已于 ${i.rectification.rectifiedOn} 整改完毕`, align: 'center', bold: true },
        ] as Block[])
      : []),
    { t: 'rule' },
    ...facts(i).flatMap(([left, right]): Block[] =>
      width(left) + width(right) + 2 <= columns
        ? [{ t: 'row', left, right }]
        : [
            { t: 'text', text: `${left}：`, bold: true },
            { t: 'text', text: `  ${right}` },
          ],
    ),
    { t: 'rule' },
    { t: 'text', text: '发现的安全隐患：', bold: true },
    ...hazardLines(i).map((text): Block => ({ t: 'text', text })),
    { t: 'rule' },
    ...HAZARD_NOTICE_TEXT.map((text): Block => ({ t: 'text', text })),
    { t: 'rule' },
    { t: 'barcode', data: i.no },
    { t: 'text', text: `打印时间 ${printedAt}`, align: 'center' },
    { t: 'text', text: '用户签收：', align: 'left' },
    { t: 'feed', lines: 2 },
    { t: 'cut' },
  ];
  return { columns, blocks };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The A4 page: the same facts and hazards as a form, for office printers and PDF. No script, no resource. */
export function hazardNoticeHtml(i: Inspection, h: ReceiptHeader, printedAt: string): string {
  const rows = facts(i)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('\n');
  const hazards = hazardLines(i)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`${HAZARD_NOTICE_TITLE} ${i.no}`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: A4; margin: 20mm; }
body { font-family: "Noto Sans CJK SC", "SimSun", serif; font-size: 12pt; }
h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; } .sub { text-align: center; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { width: 28mm; font-weight: normal; background: #f2f2f2; }
.sign { display: flex; justify-content: space-between; margin-top: 12mm; }
</style></head><body>
<p class="sub">${esc(h.company)}</p>
<h1>${HAZARD_NOTICE_TITLE}</h1>
<p class="sub">${esc(h.hall)} ${esc(h.counter)}　　No. ${esc(i.no)}</p>
${i.rectification ? `<p class="sub">已于 ${esc(i.rectification.rectifiedOn)} 整改完毕</p>` : ''}
<table>${rows}</table>
<h2>发现的安全隐患</h2>
<ol>${hazards}</ol>
${HAZARD_NOTICE_TEXT.map((t) => `<p>${esc(t)}</p>`).join('\n')}
<div class="sign"><span>用户签收：</span><span>安检员：${esc(i.inspector)}</span><span>打印时间：${esc(printedAt)}</span></div>
</body></html>`;
}
