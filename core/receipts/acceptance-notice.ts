/**
 * The 燃气业务受理通知单: the acceptance number (also as a barcode), the business, who came, what was asked and
 * answered, the documents checked, the next step and what the customer must prepare — on 80 mm (or 58 mm)
 * receipt paper, and as an A4 page for office printers. Runtime: any.
 */
import type { Acceptance } from '../contract/service-desk';
import { CHANNEL_ZH } from '../domain/service-desk';
import { formatYuan } from '../quantities';
import type { Block, ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';

export const NOTICE_TITLE = '燃气业务受理通知单';

const lines = (label: string, text: string): Block[] =>
  text
    ? [
        { t: 'text', text: `${label}：`, bold: true },
        ...text.split('\n').map((l): Block => ({ t: 'text', text: `  ${l}` })),
      ]
    : [];

/** Printed columns of a text: two for a CJK character, one for ASCII. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);

/** The notice's facts, in order, shared by the receipt and the A4 page. */
function facts(a: Acceptance): [string, string][] {
  return [
    ['受理单号', a.no],
    ['业务类型', a.type.name],
    ['受理方式', CHANNEL_ZH[a.channel]],
    ['客户', a.party.name],
    ...(a.party.accountNo ? ([['用户编号', a.party.accountNo]] as [string, string][]) : []),
    ['联系电话', a.party.phone],
    ...(a.party.address ? ([['地址', a.party.address]] as [string, string][]) : []),
    ...(a.sale
      ? ([['关联收费', `收据 ${a.sale.receiptNo} ￥${formatYuan(a.sale.amount)}`]] as [string, string][])
      : []),
  ];
}

export function acceptanceNoticeDoc(
  a: Acceptance,
  h: ReceiptHeader,
  at: { accepted: string; printed: string },
  columns: 32 | 48,
  reprint?: { number: number; at: string },
): ReceiptDoc {
  const blocks: Block[] = [
    { t: 'text', text: h.company, align: 'center', bold: true },
    { t: 'text', text: NOTICE_TITLE, align: 'center', bold: true, size: 2 },
    ...(reprint
      ? ([
          { t: 'text', text: `重打 ${reprint.number}  ${reprint.at}`, align: 'center', bold: true },
        ] as Block[])
      : []),
    { t: 'text', text: `${h.hall} ${h.counter}`, align: 'center' },
    { t: 'rule' },
    ...facts(a).flatMap(([left, right]): Block[] =>
      width(left) + width(right) + 2 <= columns ? [{ t: 'row', left, right }] : lines(left, right),
    ),
    { t: 'row', left: '受理时间', right: at.accepted },
    { t: 'row', left: '受理人', right: a.operator.displayName },
    { t: 'rule' },
    ...lines('您的诉求', a.asked),
    ...lines('答复', a.answered),
    ...lines('已核对资料', a.documents.join('、')),
    ...lines('下一步', a.nextStep),
    { t: 'rule' },
    { t: 'text', text: '请您准备：', bold: true },
    { t: 'text', text: `  ${a.prepare || '无需另行准备资料'}` },
    {
      t: 'text',
      text: '办理时请带上本通知单；预约上门的，请在约定时间家中留人，尽量不要只留老人或未成年人在家。',
    },
    { t: 'rule' },
    { t: 'barcode', data: a.no },
    { t: 'text', text: `打印时间 ${at.printed}`, align: 'center' },
    { t: 'text', text: '客户签字：', align: 'left' },
    { t: 'feed', lines: 2 },
    { t: 'cut' },
  ];
  return { columns, blocks };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const multi = (s: string) => esc(s).replace(/\n/g, '<br>');

/** The A4 page: a form with the same facts, for office printers and PDF. No script, no external resource. */
export function acceptanceNoticeHtml(
  a: Acceptance,
  h: ReceiptHeader,
  at: { accepted: string; printed: string },
): string {
  const rows = [...facts(a), ['受理时间', at.accepted], ['受理人', a.operator.displayName]]
    .map(([k, v]) => `<tr><th>${esc(k!)}</th><td>${esc(v!)}</td></tr>`)
    .join('\n');
  const texts = [
    ['您的诉求', a.asked],
    ['答复', a.answered],
    ['已核对资料', a.documents.join('、')],
    ['下一步', a.nextStep],
    ['请您准备', a.prepare || '无需另行准备资料'],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<tr><th>${esc(k!)}</th><td>${multi(v!)}</td></tr>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`${NOTICE_TITLE} ${a.no}`)}</title>
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
<h1>${NOTICE_TITLE}</h1>
<p class="sub">${esc(h.hall)} ${esc(h.counter)}　　No. ${esc(a.no)}</p>
<table>${rows}</table>
<table>${texts}</table>
<p>办理时请带上本通知单；预约上门的，请在约定时间家中留人，尽量不要只留老人或未成年人在家。</p>
<div class="sign"><span>客户签字：</span><span>受理人：${esc(a.operator.displayName)}</span><span>打印时间：${esc(at.printed)}</span></div>
</body></html>`;
}
