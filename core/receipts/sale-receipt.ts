/**
 * The receipts of the cashier's counter, as documents: gas sale (every field domain.md lists, tier slices,
 * this period's tier use and what remains, balance, the total in figures and in 大写), fee payment, and the
 * reversal/refund receipts. Reprints are marked 重打. Runtime: any.
 */
import { toChineseCapitals } from '../capitals';
import { SALE_KIND_ZH, saleStanding, TENDER_ZH } from '../domain/cash';
import { formatCubicMetres, formatPriceLi, formatYuan } from '../quantities';
import { type Block, columnWidths, type ReceiptDoc } from './document';
import type { Sale } from '../contract/sales';
import type { ReceiptHeader, SaleReceiptData } from './receipt-data';

const yuan = (fen: number) => `￥${formatYuan(fen)}`;
const m3 = (units: number) => `${formatCubicMetres(units)}m³`;

/** The data and the paper width it is laid out for. */
type Ctx = SaleReceiptData & { columns: 32 | 48 };

/** Titles in the parts a double-size line may break between (58 mm paper holds 8 Hanzi at double size). */
const TITLES: Record<Sale['kind'] | 'slip', string[]> = {
  gas: ['燃气费收据', '（购气）'],
  fee: ['燃气业务', '收费收据'],
  reversal: ['冲正凭证'],
  refund: ['退款凭证'],
  slip: ['购气待写卡', '凭条'],
};

/**
 * The address in the parts a line may break between (小区 / 楼栋 / 单元 / 门牌号): the customer file's own
 * parts when they make this address, else the address cut after 栋/幢/号楼/单元 (so a room number is never split).
 */
export function addressLineParts(fullAddress: string, parts?: readonly string[]): string[] {
  if (parts && parts.join('') === fullAddress) return [...parts];
  return fullAddress.split(/(?<=栋|幢|号楼|单元)/).filter((p) => p.length > 0);
}

function head(d: Ctx): Block[] {
  const s = d.sale;
  const title = TITLES[d.slip === true ? 'slip' : s.kind];
  const blocks: Block[] = [
    { t: 'text', text: d.header.company, align: 'center', bold: true },
    { t: 'text', text: title.join(''), parts: title, align: 'center', bold: true, size: 2 },
  ];
  if (d.reprint)
    blocks.push({ t: 'text', text: `【重打 第${d.reprint.number}次】`, align: 'center', bold: true });
  blocks.push(...standing(d));
  blocks.push(
    { t: 'row', left: '票据号', right: s.receiptNo },
    // A reversal or refund names the receipt it corrects by the number the customer holds.
    ...(s.correctsSaleId && d.corrects
      ? [
          {
            t: 'row' as const,
            left: `原收据号（${SALE_KIND_ZH[d.corrects.kind]}）`,
            right: d.corrects.receiptNo,
          },
        ]
      : []),
    ...(s.invoiceNo ? [{ t: 'row' as const, left: '发票号', right: s.invoiceNo }] : []),
    { t: 'rule' },
  );
  if (s.customer) {
    blocks.push(
      { t: 'row', left: '用户名称', right: s.customer.name },
      { t: 'row', left: '用户编号', right: s.customer.accountNo },
      address(s.customer.fullAddress, d.addressParts),
      { t: 'row', left: '用气性质', right: d.userClassZh },
    );
  }
  if (d.card)
    blocks.push(
      { t: 'row', left: '卡号', right: d.card.cardNo },
      { t: 'row', left: '购气次数', right: String(d.card.purchaseCount) },
    );
  return blocks;
}

function address(full: string, given?: readonly string[]): Block {
  const parts = addressLineParts(full, given);
  parts[0] = `地址：${parts[0] ?? ''}`;
  return { t: 'text', text: parts.join(''), parts };
}

/**
 * A sale reversed or refunded since: said in large type under the title, with the correction's receipt number,
 * so that no copy of it (a reprint, a late first print) passes for a valid receipt.
 */
function standing(d: Ctx): Block[] {
  const st = saleStanding(d.sale);
  if (st.by.length === 0) return [];
  const what = st.code === 'reversed' ? '冲正凭证号' : '退款凭证号';
  const note =
    st.code === 'partly_refunded' ? `已退还 ${yuan(st.paidBack)}，其余款项有效` : '本收据已作废，款项已退还';
  return [
    { t: 'text', text: `【${st.label}】`, align: 'center', bold: true, size: 2 },
    ...st.by.map((no): Block => ({ t: 'row', left: what, right: no, bold: true })),
    { t: 'text', text: note, align: 'center', bold: true },
  ];
}

/** A reversal or refund undoes what a sale did: its figures print as amounts, the direction in the words. */
const isCorrection = (d: Ctx) => d.sale.kind === 'reversal' || d.sale.kind === 'refund';

function gasLines(d: Ctx): Block[] {
  const widths = columnWidths(d.columns, [2, 3, 3, 4]);
  const blocks: Block[] = [
    { t: 'rule' },
    {
      t: 'cells',
      values: ['档位', '气量', '单价', '金额'],
      widths,
      aligns: ['left', 'right', 'right', 'right'],
    },
  ];
  for (const l of d.sale.lines.filter((x) => x.kind === 'gas')) {
    blocks.push({
      t: 'cells',
      values: [
        `${Math.abs(l.tier ?? 1)}档`,
        m3(Math.abs(l.volume ?? 0)),
        formatPriceLi(l.priceLi ?? 0),
        formatYuan(Math.abs(l.amount)),
      ],
      widths,
      aligns: ['left', 'right', 'right', 'right'],
    });
  }
  blocks.push({ t: 'row', left: isCorrection(d) ? '冲回气量' : '数量', right: m3(Math.abs(d.sale.volume)) });
  return [...blocks, ...onCard(d)];
}

/** Whether the gas is on the card: said on every gas sale's paper. */
function onCard(d: Ctx): Block[] {
  const s = d.sale;
  if (s.kind !== 'gas') return [];
  if (s.status === 'completed') return [{ t: 'row', left: '写卡', right: '气已写入燃气卡' }];
  // Refunded: its gas will never be written (the paper says 已退款 in large type above).
  if (s.correctedBy.length > 0) return [{ t: 'row', left: '写卡', right: '未写入燃气卡（已退款）' }];
  if (!d.slip) return [{ t: 'row', left: '写卡', right: '待写卡（气未写入燃气卡）' }];
  return [
    { t: 'rule' },
    { t: 'text', text: '【待写卡】已收款，气未写入卡', align: 'center', bold: true },
    ...(s.cardProblem ? [{ t: 'text' as const, text: `原因：${s.cardProblem}` }] : []),
    { t: 'text', text: '凭此条重新写卡或退款；写卡成功后打印正式收据。' },
  ];
}

function feeLines(d: Ctx): Block[] {
  const widths = columnWidths(d.columns, [6, 2, 4]);
  return [
    { t: 'rule' },
    { t: 'cells', values: ['项目', '数量', '金额'], widths, aligns: ['left', 'right', 'right'] },
    ...d.sale.lines
      .filter((l) => l.kind === 'fee')
      .map(
        (l): Block => ({
          t: 'cells',
          values: [l.name, String(l.qty ?? 1), formatYuan(l.amount)],
          widths,
          aligns: ['left', 'right', 'right'],
        }),
      ),
  ];
}

function tierUse(d: Ctx): Block[] {
  const u = d.tierUse;
  if (!u) return [];
  const blocks: Block[] = [
    { t: 'rule' },
    { t: 'text', text: `本年度（${u.periodStart}起）阶梯用气：${m3(u.usedAfter)}` },
  ];
  for (const t of u.tiers) {
    if (t.upTo === null)
      blocks.push({ t: 'row', left: `${t.tier}档 ${formatPriceLi(t.priceLi)}元`, right: '不限' });
    else
      blocks.push({
        t: 'row',
        left: `${t.tier}档 至${m3(t.upTo)}`,
        right: `剩余${m3(t.remainingAfter ?? 0)}`,
      });
  }
  return blocks;
}

function totals(d: Ctx): Block[] {
  const s = d.sale;
  const money = Math.abs(s.amountPaid);
  const label = s.kind === 'reversal' || s.kind === 'refund' ? '退还' : '实收';
  const blocks: Block[] = [{ t: 'rule' }, { t: 'row', left: '金额', right: yuan(Math.abs(s.amount)) }];
  // The customer's words for where the balance went: never a minus sign after a word that says the direction.
  if (s.balanceUsed)
    blocks.push({
      t: 'row',
      left: s.balanceUsed > 0 ? '使用结余' : '退回结余',
      right: yuan(Math.abs(s.balanceUsed)),
    });
  if (s.balanceAdded)
    blocks.push({
      t: 'row',
      left: s.balanceAdded > 0 ? '存入结余' : '扣回结余',
      right: yuan(Math.abs(s.balanceAdded)),
    });
  blocks.push(
    { t: 'row', left: `合计${label}`, right: yuan(money), bold: true, size: 1 },
    { t: 'text', text: `大写：${toChineseCapitals(money)}` },
  );
  for (const t of s.tenders) {
    blocks.push({ t: 'row', left: TENDER_ZH[t.method], right: yuan(Math.abs(t.amount)) });
    if (t.method === 'cash' && t.received !== null)
      blocks.push({ t: 'text', text: `  实收 ${formatYuan(t.received)}  找零 ${formatYuan(t.change)}` });
    if (t.reference) blocks.push({ t: 'text', text: `  流水号 ${t.reference}` });
  }
  if (d.balanceAfter !== undefined) blocks.push({ t: 'row', left: '账户结余', right: yuan(d.balanceAfter) });
  return blocks;
}

/** 安全宣传 at the foot of a receipt: the notice and the hotline, each only when the company set it. */
export function publicityBlocks(h: ReceiptHeader): Block[] {
  const p = h.publicity;
  return [
    ...(p?.notice ? [{ t: 'text', text: `安全提示：${p.notice}` } as Block] : []),
    ...(p?.hotline ? [{ t: 'row', left: '服务热线', right: p.hotline } as Block] : []),
  ];
}

function foot(d: Ctx): Block[] {
  const s = d.sale;
  const blocks: Block[] = [{ t: 'rule' }];
  if (s.reason) blocks.push({ t: 'text', text: `原因：${s.reason}` });
  if (s.approver) blocks.push({ t: 'row', left: '审批人', right: s.approver.displayName });
  blocks.push(
    { t: 'row', left: '网点', right: `${d.header.hall} ${d.header.counter}` },
    { t: 'row', left: '收费员', right: d.cashierName },
    { t: 'row', left: '时间', right: d.printedAt },
    { t: 'qr', data: d.qr },
    { t: 'text', text: '请妥善保管收据，谢谢您的支持！', align: 'center' },
    ...publicityBlocks(d.header),
    { t: 'cut' },
  );
  return blocks;
}

export function saleReceipt(data: SaleReceiptData, columns: 32 | 48): ReceiptDoc {
  const d: Ctx = { ...data, columns };
  const body =
    d.sale.kind === 'fee'
      ? feeLines(d)
      : d.sale.kind === 'refund' && !d.sale.lines.some((l) => l.kind === 'gas')
        ? []
        : gasLines(d);
  return { columns, blocks: [...head(d), ...body, ...tierUse(d), ...totals(d), ...foot(d)] };
}
