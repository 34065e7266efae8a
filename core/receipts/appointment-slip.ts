/**
 * The appointment slip (预约上门通知单): the appointment number (also as a barcode), what the visit is for, the
 * day, slot and team, who and where, and the handbook's reminders (someone at home; cooker, batteries and hose
 * ready; not only the elderly or children at home) — on 80 mm (or 58 mm) receipt paper. And a team's day list
 * (预约上门日程), on receipt paper and as an A4 page. Runtime: any.
 */
import type { Appointment } from '../contract/appointments';
import {
  APPOINTMENT_REMINDERS,
  FIELD_TEAM_ZH,
  type FieldTeam,
  SLOT_INFO,
  SLOTS,
  VISIT_KIND_ZH,
} from '../domain/appointments';
import type { Block, ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';

export const SLIP_TITLE = '预约上门通知单';
export const DAY_LIST_TITLE = '预约上门日程';

/** Printed columns of a text: two for a CJK character, one for ASCII. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);

const fact = (columns: number, left: string, right: string): Block[] =>
  width(left) + width(right) + 2 <= columns
    ? [{ t: 'row', left, right }]
    : [
        { t: 'text', text: `${left}：`, bold: true },
        { t: 'text', text: `  ${right}` },
      ];

export const whenZh = (a: { date: string; slot: keyof typeof SLOT_INFO }) =>
  `${a.date} ${SLOT_INFO[a.slot].zh}（${SLOT_INFO[a.slot].hours}）`;

export function appointmentSlipDoc(
  a: Appointment,
  h: ReceiptHeader,
  at: { booked: string; printed: string },
  columns: 32 | 48,
  reprint?: { number: number; at: string },
): ReceiptDoc {
  const facts: [string, string][] = [
    ['预约单号', a.no],
    ['上门事项', VISIT_KIND_ZH[a.kind]],
    ['上门时间', whenZh(a)],
    ['上门班组', FIELD_TEAM_ZH[a.team]],
    ['客户', a.party.name],
    ...(a.party.accountNo ? ([['用户编号', a.party.accountNo]] as [string, string][]) : []),
    ['联系电话', a.party.phone],
    ...(a.party.address ? ([['地址', a.party.address]] as [string, string][]) : []),
  ];
  const blocks: Block[] = [
    { t: 'text', text: h.company, align: 'center', bold: true },
    { t: 'text', text: SLIP_TITLE, align: 'center', bold: true, size: 2 },
    ...(reprint
      ? ([
          { t: 'text', text: `重打 ${reprint.number}  ${reprint.at}`, align: 'center', bold: true },
        ] as Block[])
      : []),
    { t: 'text', text: `${h.hall} ${h.counter}`, align: 'center' },
    ...(a.status === 'cancelled'
      ? ([{ t: 'text', text: '本预约已取消', align: 'center', bold: true }] as Block[])
      : []),
    { t: 'rule' },
    ...facts.flatMap(([l, r]) => fact(columns, l, r)),
    ...(a.notes ? fact(columns, '备注', a.notes) : []),
    { t: 'row', left: '预约时间', right: at.booked },
    { t: 'row', left: '经办人', right: a.operator.displayName },
    { t: 'rule' },
    { t: 'text', text: '温馨提示：', bold: true },
    ...APPOINTMENT_REMINDERS.map((r, i): Block => ({ t: 'text', text: `${i + 1}. ${r}` })),
    { t: 'rule' },
    { t: 'barcode', data: a.no },
    { t: 'text', text: `打印时间 ${at.printed}`, align: 'center' },
    { t: 'feed', lines: 2 },
    { t: 'cut' },
  ];
  return { columns, blocks };
}

/** A team's appointments of a day, by slot, in booking order. */
export function teamDayListDoc(
  date: string,
  team: FieldTeam,
  items: readonly Appointment[],
  h: ReceiptHeader,
  printedAt: string,
  columns: 32 | 48,
): ReceiptDoc {
  const blocks: Block[] = [
    { t: 'text', text: h.company, align: 'center', bold: true },
    { t: 'text', text: DAY_LIST_TITLE, align: 'center', bold: true, size: 2 },
    { t: 'text', text: `${FIELD_TEAM_ZH[team]}  ${date}`, align: 'center', bold: true },
    { t: 'text', text: `${h.hall} ${h.counter}`, align: 'center' },
  ];
  for (const slot of SLOTS) {
    const inSlot = items.filter((a) => a.slot === slot);
    blocks.push(
      { t: 'rule' },
      {
        t: 'row',
        left: `${SLOT_INFO[slot].zh} ${SLOT_INFO[slot].hours}`,
        right: `${inSlot.length} 户`,
        bold: true,
      },
    );
    if (inSlot.length === 0) blocks.push({ t: 'text', text: '  无' });
    inSlot.forEach((a, i) => {
      blocks.push(
        {
          t: 'text',
          text: `${i + 1}. ${VISIT_KIND_ZH[a.kind]}  ${a.party.name}  ${a.party.phone}`,
          bold: true,
        },
        ...(a.party.address ? ([{ t: 'text', text: `   ${a.party.address}` }] as Block[]) : []),
        ...(a.notes ? ([{ t: 'text', text: `   备注：${a.notes}` }] as Block[]) : []),
        { t: 'text', text: `   ${a.no}` },
      );
    });
  }
  blocks.push(
    { t: 'rule' },
    { t: 'text', text: `打印时间 ${printedAt}`, align: 'center' },
    { t: 'feed', lines: 2 },
    { t: 'cut' },
  );
  return { columns, blocks };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The team's day list as an A4 page (a table per slot), for office printers and PDF. No script, no resource. */
export function teamDayListHtml(
  date: string,
  team: FieldTeam,
  items: readonly Appointment[],
  h: ReceiptHeader,
  printedAt: string,
): string {
  const title = `${DAY_LIST_TITLE} ${FIELD_TEAM_ZH[team]} ${date}`;
  const tables = SLOTS.map((slot) => {
    const inSlot = items.filter((a) => a.slot === slot);
    const rows = inSlot.length
      ? inSlot
          .map(
            (a, i) =>
              `<tr><td>${i + 1}</td><td>${esc(VISIT_KIND_ZH[a.kind])}</td><td>${esc(a.party.name)}</td><td>${esc(
                a.party.phone,
              )}</td><td>${esc(a.party.address)}</td><td>${esc(a.notes)}</td><td>${esc(a.no)}</td><td></td></tr>`,
          )
          .join('\n')
      : '<tr><td colspan="8">无</td></tr>';
    return `<h2>${SLOT_INFO[slot].zh} ${SLOT_INFO[slot].hours}（${inSlot.length} 户）</h2>
<table><tr><th>序</th><th>事项</th><th>客户</th><th>电话</th><th>地址</th><th>备注</th><th>预约单号</th><th>完成签字</th></tr>
${rows}</table>`;
  }).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "SimSun", serif; font-size: 11pt; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 3mm; } .sub { text-align: center; margin: 0 0 5mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { font-weight: normal; background: #f2f2f2; }
</style></head><body>
<p class="sub">${esc(h.company)}　${esc(h.hall)} ${esc(h.counter)}</p>
<h1>${esc(title)}</h1>
${tables}
<p>上门前请电话联系客户；提醒客户家中留人，备好灶具、电池、软管。打印时间：${esc(printedAt)}</p>
</body></html>`;
}
