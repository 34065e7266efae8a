/** The shift handover report (交班报表) and the day close report (日结报表) as printable documents. Runtime: any. */
import { wallTimeIn } from '../business-day';
import { toChineseCapitals } from '../capitals';
import type { DayReport, ShiftReport } from '../contract/cash';
import { SALE_KIND_ZH, TENDER_ZH } from '../domain/cash';
import { USER_CLASS_ZH } from '../domain/customer';
import { formatCubicMetres, formatYuan } from '../quantities';
import { type Align, type Block, columnWidths, type ReceiptDoc } from './document';
import type { ReceiptHeader } from './receipt-data';
import { unsettledBlocks } from './unsettled';

const yuan = (fen: number) => `￥${formatYuan(fen)}`;
const signed = (fen: number) => `${fen > 0 ? '+' : ''}${formatYuan(fen)}`;
const m3 = (units: number) => `${formatCubicMetres(units)}m³`;

function table(columns: number, head: string[], rows: string[][], proportions: number[]): Block[] {
  const widths = columnWidths(columns, proportions);
  const aligns = head.map((_, i): Align => (i === 0 ? 'left' : 'right'));
  return [
    { t: 'cells', values: head, widths, aligns },
    ...rows.map((values): Block => ({ t: 'cells', values, widths, aligns })),
  ];
}

/** A shift's opening or closing time as the hall's wall clock reads it ('2026-11-26 14:03'). */
const hallTime = (zone: string, iso: string) => wallTimeIn(zone, Date.parse(iso)).slice(0, 16);

export function shiftReportDoc(
  r: ShiftReport,
  header: ReceiptHeader,
  printedAt: string,
  columns: 32 | 48,
  zone: string,
): ReceiptDoc {
  const s = r.shift;
  const c = r.cash;
  const blocks: Block[] = [
    { t: 'text', text: header.company, align: 'center', bold: true },
    { t: 'text', text: '交班报表', align: 'center', bold: true, size: 2 },
    { t: 'row', left: '网点', right: `${header.hall} ${header.counter}` },
    { t: 'row', left: '收费员', right: s.operator.displayName },
    { t: 'row', left: '营业日', right: s.businessDate },
    { t: 'row', left: '开班', right: hallTime(zone, s.openedAt) },
    { t: 'row', left: '交班', right: s.closedAt ? hallTime(zone, s.closedAt) : '未交班' },
    { t: 'rule' },
    ...table(
      columns,
      ['业务', '笔数', '金额'],
      r.byKind.map((k) => [SALE_KIND_ZH[k.kind], String(k.count), formatYuan(k.amount)]),
      [4, 2, 4],
    ),
    { t: 'rule' },
    ...table(
      columns,
      ['方式', '收款', '退款'],
      r.byTender.map((t) => [TENDER_ZH[t.method], formatYuan(t.taken), formatYuan(t.refunded)]),
      [4, 3, 3],
    ),
    { t: 'rule' },
    { t: 'row', left: '备用金', right: yuan(c.float) },
    { t: 'row', left: '现金收入', right: yuan(c.cashTaken) },
    { t: 'row', left: '现金退付', right: yuan(c.cashRefunded) },
    { t: 'row', left: '现金存入', right: yuan(c.cashIn) },
    { t: 'row', left: '现金取出', right: yuan(c.cashOut) },
    { t: 'row', left: '应有现金', right: yuan(c.expected), bold: true },
  ];
  if (s.counted !== null) {
    blocks.push(
      { t: 'row', left: '实点现金', right: yuan(s.counted), bold: true },
      { t: 'text', text: `大写：${toChineseCapitals(s.counted)}` },
    );
    blocks.push({ t: 'row', left: '差额', right: signed(s.difference ?? 0) });
    if (s.note) blocks.push({ t: 'text', text: `说明：${s.note}` });
    if (s.closedBy && s.closedBy.id !== s.operator.id)
      blocks.push({ t: 'row', left: '代为交班', right: s.closedBy.displayName });
    if (s.approvedBy) blocks.push({ t: 'row', left: '差额审批', right: s.approvedBy.displayName });
  }
  if (r.denominations?.length) {
    blocks.push(
      { t: 'rule' },
      ...table(
        columns,
        ['面额', '张数', '小计'],
        r.denominations
          .filter((d) => d.count > 0)
          .map((d) => [formatYuan(d.value), String(d.count), formatYuan(d.value * d.count)]),
        [3, 2, 4],
      ),
    );
  }
  blocks.push(
    ...unsettledBlocks(r.unsettled),
    { t: 'rule' },
    { t: 'row', left: '交班人签字', right: '__________' },
    { t: 'row', left: '接班人签字', right: '__________' },
    { t: 'text', text: printedAt, align: 'center' },
    { t: 'cut' },
  );
  return { columns, blocks };
}

/**
 * 现金与缴款: the floats apart (they stay in the drawers), each line of 应缴现金, the deposits (补录 ones marked,
 * with when they were recorded, in the hall's `zone`), 应有未缴 and the shifts' differences.
 */
function dayCashBlocks(r: DayReport, zone: string): Block[] {
  const c = r.cash;
  const late = r.deposits.filter((d) => d.late);
  return [
    { t: 'rule' },
    { t: 'row', left: '备用金（留钱箱，不缴）', right: yuan(c.floats) },
    { t: 'row', left: '各班应有现金', right: yuan(r.cashExpected) },
    { t: 'row', left: '现金收入', right: yuan(c.cashTaken) },
    { t: 'row', left: '减：现金退付', right: yuan(c.cashRefunded) },
    { t: 'row', left: '加：现金存入', right: yuan(c.cashIn) },
    { t: 'row', left: '减：现金取出', right: yuan(c.cashOut) },
    { t: 'row', left: '应缴现金', right: yuan(c.toDeposit), bold: true },
    { t: 'text', text: `大写：${toChineseCapitals(c.toDeposit)}` },
    ...r.deposits.map(
      (d): Block => ({
        t: 'row',
        left: `缴款 ${d.reference}${d.late ? '（补录）' : ''}`,
        right: yuan(d.amount),
      }),
    ),
    ...late.map(
      (d): Block => ({
        t: 'text',
        text: `补录 ${d.reference}：${hallTime(zone, d.at)} 登记`,
      }),
    ),
    { t: 'row', left: '已缴款', right: yuan(r.deposited) },
    { t: 'row', left: '应有未缴', right: yuan(c.undeposited), bold: true },
    { t: 'row', left: '交班差额合计', right: signed(c.differences) },
  ];
}

export function dayReportDoc(
  r: DayReport,
  header: ReceiptHeader,
  printedAt: string,
  columns: 32 | 48,
  zone: string,
): ReceiptDoc {
  const blocks: Block[] = [
    { t: 'text', text: header.company, align: 'center', bold: true },
    { t: 'text', text: '日结报表', align: 'center', bold: true, size: 2 },
    { t: 'row', left: '网点', right: `${header.hall} ${header.counter}` },
    { t: 'row', left: '营业日', right: r.businessDate },
    { t: 'row', left: '状态', right: r.closed ? `已扎帐 ${r.closedBy ?? ''}` : '未扎帐' },
    { t: 'rule' },
    ...table(
      columns,
      ['用气性质', '笔数', '气量', '金额'],
      r.byUserClass.map((u) => [
        USER_CLASS_ZH[u.userClass],
        String(u.count),
        m3(u.volume),
        formatYuan(u.amount),
      ]),
      [3, 2, 3, 3],
    ),
    { t: 'rule' },
    ...table(
      columns,
      ['阶梯', '气量', '金额'],
      r.byTier.map((t) => [`${t.tier}档`, m3(t.volume), formatYuan(t.amount)]),
      [3, 3, 3],
    ),
    { t: 'rule' },
    ...table(
      columns,
      ['方式', '收款', '退款'],
      r.byTender.map((t) => [TENDER_ZH[t.method], formatYuan(t.taken), formatYuan(t.refunded)]),
      [3, 3, 3],
    ),
    { t: 'rule' },
    ...table(
      columns,
      ['收费员', '笔数', '收款'],
      r.byOperator.map((o) => [o.displayName, String(o.count), formatYuan(o.taken - o.refunded)]),
      [3, 2, 3],
    ),
  ];
  if (r.fees.length)
    blocks.push(
      { t: 'rule' },
      ...table(
        columns,
        ['收费项目', '数量', '金额'],
        r.fees.map((f) => [f.name, String(f.qty), formatYuan(f.amount)]),
        [4, 2, 3],
      ),
    );
  blocks.push(
    { t: 'rule' },
    { t: 'row', left: '购气/收费笔数', right: String(r.counts.sales) },
    { t: 'row', left: '冲正笔数', right: String(r.counts.reversals) },
    { t: 'row', left: '退款笔数', right: String(r.counts.refunds) },
    { t: 'row', left: '重打笔数', right: String(r.counts.reprints) },
    { t: 'row', left: '新开户数', right: String(r.counts.newAccounts) },
    ...dayCashBlocks(r, zone),
    ...unsettledBlocks(r.unsettled),
    { t: 'rule' },
    { t: 'row', left: '制表', right: '__________' },
    { t: 'row', left: '班长', right: '__________' },
    { t: 'text', text: printedAt, align: 'center' },
    { t: 'cut' },
  );
  return { columns, blocks };
}
