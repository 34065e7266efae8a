import { describe, expect, it } from 'vitest';
import { problemText } from '../../core/card/write-problems';
import type { ReceiptDoc } from '../../core/receipts/document';
import { dayReportDoc, shiftReportDoc } from '../../core/receipts/cash-reports';
import { saleReceipt } from '../../core/receipts/sale-receipt';
import { textWidth } from '../../drivers/printer/gb18030';
import { PrinterEmulator } from '../../drivers/printer/printer-emulator';
import { receiptText } from '../../core/receipts/printed';
import { receiptSvg } from '../../core/receipts/svg';
import { renderEscPos } from '../../drivers/printer/render';
import {
  dayReport,
  feeSale,
  gasSale,
  receiptData,
  refund,
  reversal,
  shiftReport,
  tierUse,
} from '../fixtures/receipts';
import { goldenHex } from '../support/golden';

const HEADER = receiptData(gasSale).header;

const KINDS: Record<string, (cols: 32 | 48) => ReceiptDoc> = {
  gas: (c) =>
    saleReceipt(
      receiptData(gasSale, {
        card: { cardNo: '1000000000000007', purchaseCount: 3 },
        tierUse,
        balanceAfter: 0,
      }),
      c,
    ),
  fee: (c) => saleReceipt(receiptData(feeSale), c),
  reversal: (c) =>
    saleReceipt(receiptData(reversal, { corrects: { receiptNo: gasSale.receiptNo, kind: 'gas' } }), c),
  refund: (c) =>
    saleReceipt(receiptData(refund, { corrects: { receiptNo: feeSale.receiptNo, kind: 'fee' } }), c),
  'gas-slip': (c) =>
    saleReceipt(
      receiptData(
        {
          ...gasSale,
          status: 'card_write_failed',
          cardProblem: problemText({ code: 'CARD_LOCKED' }),
          cardProblemCode: 'CARD_LOCKED',
        },
        { tierUse, balanceAfter: 0, slip: true },
      ),
      c,
    ),
  'gas-reprint': (c) =>
    saleReceipt(receiptData(gasSale, { reprint: { number: 1, at: '2026-11-26 10:00' } }), c),
  shift: (c) => shiftReportDoc(shiftReport, HEADER, '2026-11-26 17:00:00', c, 'Asia/Shanghai'),
  day: (c) => dayReportDoc(dayReport, HEADER, '2026-11-26 18:00:00', c, 'Asia/Shanghai'),
};

/** Bytes → what the printer prints. */
function print(bytes: Uint8Array) {
  const emu = new PrinterEmulator();
  emu.handle(bytes);
  expect(emu.receipts).toHaveLength(1);
  return emu.receipts[0]!;
}

describe('receipts on the printer, at 58 mm and 80 mm', () => {
  for (const [kind, doc] of Object.entries(KINDS)) {
    for (const cols of [32, 48] as const) {
      it(`${kind} at ${cols} columns matches its golden bytes and prints within the paper`, async () => {
        const bytes = renderEscPos(doc(cols));
        await expect(goldenHex(bytes)).toMatchFileSnapshot(`../fixtures/golden/${kind}-${cols}.hex`);
        const r = print(bytes);
        expect(r.cut).toBe(true);
        for (const e of r.elements) {
          if (e.kind !== 'line') continue;
          const scale = Math.max(1, ...e.segments.map((s) => s.width));
          expect(textWidth(e.segments.map((s) => s.text).join('')) * scale).toBeLessThanOrEqual(cols);
        }
      });
    }
  }

  it('prints the title double size, wrapped between its parts where it is too wide for 58 mm paper', () => {
    const title = (cols: 32 | 48) =>
      print(renderEscPos(KINDS.gas!(cols))).elements.filter(
        (e) => e.kind === 'line' && e.segments.some((s) => s.width === 2),
      );
    // 燃气费收据（购气） is 18 columns, 36 at double width: on 32 columns it breaks between its parts,
    // each line double width and height (no glyph squeezed into a single-width cell).
    expect(title(32)).toMatchObject([
      { segments: [{ text: '燃气费收据', width: 2, height: 2 }] },
      { segments: [{ text: '（购气）', width: 2, height: 2 }] },
    ]);
    expect(title(48)).toMatchObject([{ segments: [{ text: '燃气费收据（购气）', width: 2, height: 2 }] }]);
    for (const cols of [32, 48] as const)
      for (const kind of ['gas', 'fee', 'reversal', 'refund', 'gas-slip', 'shift', 'day'])
        for (const e of print(renderEscPos(KINDS[kind]!(cols))).elements)
          if (e.kind === 'line')
            for (const seg of e.segments) expect(seg.width, `${kind} ${seg.text}`).toBe(seg.height);
  });

  it('prints when a shift opened and closed on the hall wall clock, not in UTC', () => {
    const lines = (zone: string) =>
      print(
        renderEscPos(shiftReportDoc(shiftReport, HEADER, '2026-11-26 17:00:00', 48, zone)),
      ).elements.flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []));
    // Opened 00:30 and closed 09:00 UTC: 08:30 and 17:00 in Shanghai, 19:30 and 04:00 the evening before
    // and the morning after in New York.
    const shanghai = lines('Asia/Shanghai');
    expect(shanghai.find((l) => l.startsWith('开班'))).toMatch(/2026-11-26 08:30$/);
    expect(shanghai.find((l) => /^交班\s/.test(l))).toMatch(/2026-11-26 17:00$/);
    expect(lines('America/New_York').find((l) => l.startsWith('开班'))).toMatch(/2026-11-25 19:30$/);
  });

  it('never splits a number, an amount or a room number across lines, at 58 mm and 80 mm', () => {
    const long = {
      ...gasSale,
      customer: { ...gasSale.customer!, fullAddress: '牛山街道翠湖观邸东区12栋3单元1502' },
    };
    for (const cols of [32, 48] as const) {
      const doc = saleReceipt(
        receiptData(long, {
          addressParts: ['牛山街道', '翠湖观邸东区', '12栋', '3单元', '1502'],
          tierUse,
          card: { cardNo: '1000000000000007', purchaseCount: 3 },
        }),
        cols,
      );
      const text = receiptText(print(renderEscPos(doc)), cols, textWidth);
      const lines = text.split('\n').map((l) => l.trim());
      // The address breaks only between its parts.
      const at = lines.findIndex((l) => l.startsWith('地址：'));
      const address = cols === 32 ? [lines[at], lines[at + 1]] : [lines[at]];
      expect(address.join('|')).toBe(
        cols === 32 ? '地址：牛山街道翠湖观邸东区12栋|3单元1502' : '地址：牛山街道翠湖观邸东区12栋3单元1502',
      );
      // The year's use on 58 mm: the volume goes to the next line whole.
      expect(text).toContain('530.00m3');
      // Every number the layout holds (amounts, volumes, receipt and card numbers, times) is whole on one line.
      const source = doc.blocks
        .flatMap((b) =>
          b.t === 'text' ? [b.text] : b.t === 'row' ? [b.left, b.right] : b.t === 'cells' ? b.values : [],
        )
        .join(' ');
      const numbers = source.match(/\d[\d.,:-]*/g) ?? [];
      expect(numbers.length).toBeGreaterThan(20);
      for (const n of numbers)
        expect(
          lines.some((l) => l.includes(n)),
          `${n} at ${cols}`,
        ).toBe(true);
    }
  });

  it('draws the receipt as an SVG picture of the paper: every line, its styles, the QR box and the cut', () => {
    const r = print(renderEscPos(KINDS.gas!(48)));
    const svg = receiptSvg(r, 48, textWidth);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" /);
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('燃气费收据（购气）');
    expect(svg).toMatch(/font-size="40"[^>]*>燃气费收据（购气）/); // printed double size
    expect(svg).toContain('font-weight="bold"');
    expect(texts.some((t) => t?.startsWith('二维码 '))).toBe(true);
    expect(svg).toContain('stroke-dasharray="6 4"'); // the cut
    const line = { kind: 'line' as const, align: 'left' as const };
    const odd = receiptSvg(
      {
        elements: [
          { ...line, segments: [{ text: '<&"户>', bold: false, underline: true, width: 1, height: 1 }] },
        ],
        cut: false,
        drawerPulses: 0,
      },
      32,
      textWidth,
    );
    expect(odd).toContain('text-decoration="underline"');
    expect(odd).toContain('>&lt;&amp;&quot;户&gt;</text>');
    expect(odd).toContain('x="12 24 36 48 72"'); // a cell each, 户 two
    expect(odd).not.toContain('stroke-dasharray="6 4"');
  });

  it('a gas sale receipt carries every field, tier slices, tier use, 大写 and the QR code', () => {
    const r = print(renderEscPos(KINDS.gas!(48)));
    const text = receiptText(r, 48, textWidth);
    for (const s of [
      '燃气费收据（购气）',
      '陈晓东',
      '010101000007',
      '牛山街道翠湖观邸12栋3单元1502',
      '居民',
      '1000000000000007',
      '购气次数',
      '50.00m3',
      '2.75',
      '3.3',
      '55.00',
      '99.00',
      '￥154.00',
      '壹佰伍拾肆元整',
      '实收 200.00  找零 46.00',
      '本年度（2026-01-01起）阶梯用气：530.00m3',
      '剩余720.00m3',
      '东海客服中心营业厅 1号窗口',
      '王芳',
      '2026-11-26 09:30:00',
      '010101-00000012',
      '0000123456',
    ])
      expect(text).toContain(s);
    expect(r.elements).toContainEqual({
      kind: 'qr',
      align: 'center',
      data: `https://verify.example-gas.cn/r/${gasSale.id}?s=3f9a0c`,
      size: 5,
      ec: 'M',
    });
    expect(r.elements[1]).toMatchObject({
      kind: 'line',
      align: 'center',
      segments: [{ text: '燃气费收据（购气）', bold: true, width: 2 }],
    });
  });

  it('fee, reversal and refund receipts show what they are', () => {
    const fee = receiptText(print(renderEscPos(KINDS.fee!(32))), 32, textWidth);
    expect(fee).toContain('改管线');
    expect(fee).toContain('微信支付');
    expect(fee).toContain('流水号 4200001234202611260001');
    expect(fee).toContain('叁佰贰拾元整');
    const rev = receiptText(print(renderEscPos(KINDS.reversal!(32))), 32, textWidth);
    expect(rev).toContain('冲正凭证');
    expect(rev).toContain('合计退还');
    expect(rev).toContain('审批人');
    expect(rev).toContain('刘强');
    expect(rev).toContain('用户购错气量');
    expect(receiptText(print(renderEscPos(KINDS['gas-reprint']!(32))), 32, textWidth)).toContain(
      '【重打 第1次】',
    );
  });

  it('a refunded gas sale whose card was never written prints as void, not as waiting for its card', () => {
    const refunded = {
      ...gasSale,
      status: 'card_write_failed' as const,
      correctedBy: [{ id: 'r1', kind: 'refund' as const, receiptNo: '010101-00000020', amountPaid: -15_400 }],
    };
    for (const cols of [32, 48] as const) {
      const text = receiptText(
        print(renderEscPos(saleReceipt(receiptData(refunded), cols))),
        cols,
        textWidth,
      );
      expect(text).toContain('【已退款】');
      expect(text).toMatch(/退款凭证号 +010101-00000020/);
      expect(text).toContain('本收据已作废，款项已退还');
      expect(text).toContain('未写入燃气卡（已退款）');
      expect(text).not.toContain('待写卡');
    }
    // A fee payment refunded in part: what was paid back, and that the rest stands.
    const part = {
      ...feeSale,
      correctedBy: [{ id: 'r2', kind: 'refund' as const, receiptNo: '010101-00000021', amountPaid: -2_000 }],
    };
    const text = receiptText(print(renderEscPos(saleReceipt(receiptData(part), 32))), 32, textWidth);
    expect(text).toContain('【部分退款】');
    expect(text).toContain('已退还 ￥20.00，其余款项有效');
  });

  it('the shift and day reports add up on paper', () => {
    const shift = receiptText(print(renderEscPos(KINDS.shift!(48))), 48, textWidth);
    for (const s of [
      '交班报表',
      '应有现金',
      '￥620.00',
      '实点现金',
      '￥619.00',
      '-1.00',
      '找零时少收一元',
      '陆佰壹拾玖元整',
    ])
      expect(shift).toContain(s);
    const day = receiptText(print(renderEscPos(KINDS.day!(48))), 48, textWidth);
    for (const s of ['日结报表', '已扎帐 刘强', '冲正笔数', '重打笔数', '新开户数', '已缴款', '￥100.00'])
      expect(day).toContain(s);
    // The cash lines, each stated: the floats apart, 应缴 = 274 − 154 + 0 − 0, 未缴 = 120 − (100 + 19 补录).
    const line = (label: string) =>
      day
        .split('\n')
        .find((l) => l.trim().startsWith(label))
        ?.trim();
    expect(line('备用金（留钱箱，不缴）')).toMatch(/￥500\.00$/);
    expect(line('现金收入')).toMatch(/￥274\.00$/);
    expect(line('减：现金退付')).toMatch(/￥154\.00$/);
    expect(line('应缴现金')).toMatch(/￥120\.00$/);
    expect(line('缴款 JK20261127（补录）')).toMatch(/￥19\.00$/);
    expect(day).toContain('补录 JK20261127：2026-11-27 09:30 登记');
    expect(line('已缴款')).toMatch(/￥119\.00$/);
    expect(line('应有未缴')).toMatch(/￥1\.00$/);
    expect(line('交班差额合计')).toMatch(/-1\.00$/);
  });
});
