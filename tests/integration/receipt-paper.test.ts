/**
 * Receipts through the dispatcher, on a printer emulator over TCP: the preview is drawn from the very bytes
 * the printer gets (decoded here on their own, not by the emulator), at 58 mm and 80 mm; a reversed or
 * refunded sale's receipt says so in large type with the correction's receipt number; the 冲正凭证 names the
 * original receipt number and puts the balance in the customer's words; 本档剩余 on paper is what is left in
 * the tier.
 */
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpOutput } from '../../core/contract';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { textWidth } from '../../drivers/printer/gb18030';
import { buy, cash, cashierWithShift, household, M3, SUPERVISOR, YUAN } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

async function counterWithPrinter(width: 58 | 80) {
  const t = await testCounter({ households: 1 });
  t.app.sessions.idleLockMinutes = 60 * 24;
  const printer = new PrinterServer();
  servers.push(printer);
  const port = await printer.listenTcp(0);
  await t.ok(
    'printers.configure',
    { spec: `tcp:127.0.0.1:${port}`, width, company: '东海中石油昆仑燃气有限公司' },
    await t.login('admin'),
  );
  const sid = await cashierWithShift(t);
  return { t, printer, sid };
}

/**
 * ESC/POS bytes → printed text lines and QR contents, read on their own (command lengths per hardware.md §5),
 * so the comparison does not trust the emulator the preview is made with.
 */
function decodeEscPos(bytes: readonly number[]): { lines: string[]; qr: string[] } {
  const lines: string[] = [];
  const qr: string[] = [];
  let text: number[] = [];
  let pending = false;
  const endLine = (onlyIfText: boolean) => {
    if (onlyIfText && !pending && text.length === 0) return;
    lines.push(iconv.decode(Buffer.from(text), 'gb18030'));
    text = [];
    pending = false;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    if (b === 0x0a) {
      endLine(false);
      i += 1;
    } else if (b === 0x10)
      i += 3; // DLE EOT n
    else if (b === 0x1c)
      i += 2; // FS & / FS .
    else if (b === 0x1b) {
      if (next === 0x40) i += 2;
      else if (next === 0x70) i += 5;
      else i += 3; // ESC a / E / - / ! / d n
      pending ||= text.length > 0;
    } else if (b === 0x1d) {
      if (next === 0x28) {
        const len = bytes[i + 3]! | (bytes[i + 4]! << 8);
        const body = bytes.slice(i + 5, i + 5 + len);
        if (body[0] === 0x31 && body[1] === 0x50) qr.push(Buffer.from(body.slice(3)).toString('utf8'));
        if (body[0] === 0x31 && body[1] === 0x51) endLine(true);
        i += 5 + len;
      } else if (next === 0x56) {
        endLine(true);
        i += 4;
      } else i += 3; // GS ! / h / w / H n
    } else {
      text.push(b);
      i += 1;
    }
  }
  return { lines, qr };
}

type Printed = OpOutput<'receipts.preview'>['receipt'];
const previewLines = (r: Printed) =>
  r.elements.flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []));
const text = (r: Printed) => previewLines(r).join('\n');
/** Columns a printed line takes: GBK bytes times the character width (as the preview lays it out). */
const lineColumns = (segments: { text: string; width: number }[]) =>
  segments.reduce((n, s) => n + textWidth(s.text) * s.width, 0);

describe('the preview is drawn from the bytes the paper gets', () => {
  for (const width of [58, 80] as const) {
    it(`at ${width} mm: the preview's lines are the printed bytes' lines, each within the paper`, async () => {
      const { t, printer, sid } = await counterWithPrinter(width);
      const c = await household(t, { householdSize: 4 });
      const sale = await buy(
        t,
        sid,
        { customerId: c.id, by: 'volume', volume: 420 * M3 },
        { approval: SUPERVISOR }, // over the 300 m³ per purchase limit
      );
      const preview = (await t.ok('receipts.preview', { saleId: sale.id }, sid)).receipt;
      const sent = printer.emulator.received.length;
      await t.ok('receipts.print', { saleId: sale.id }, sid);
      const decoded = decodeEscPos(printer.emulator.received.slice(sent));
      expect(decoded.lines).toEqual(previewLines(preview));
      expect(decoded.qr).toEqual(preview.elements.flatMap((e) => (e.kind === 'qr' ? [e.data] : [])));
      const columns = width === 58 ? 32 : 48;
      for (const e of preview.elements)
        if (e.kind === 'line') {
          expect(lineColumns(e.segments)).toBeLessThanOrEqual(columns);
          // Double size is double width and height together: no glyph drawn narrower than it is tall.
          for (const s of e.segments) expect(s.width).toBe(s.height);
        }
      // The address breaks only between its parts: the room number is whole, on one line.
      const lines = previewLines(preview);
      const at = lines.findIndex((l) => l.startsWith('地址：'));
      const room = String(c.address.room);
      const end = lines.findIndex((l, i) => i >= at && l.endsWith(room));
      expect(lines.slice(at, end + 1).join('')).toBe(`地址：${c.fullAddress}`);
      // 本档剩余 on paper: 420 m³ used of a 4-person household's tiers (400 / 600 / …): 580 m³ left in tier 2.
      expect(text(preview)).toContain('剩余580.00m3');

      // Printed once, the preview is the reprint the next print gives: marked 重打, the drawer shut.
      const again = (await t.ok('receipts.preview', { saleId: sale.id }, sid)).receipt;
      expect(previewLines(again)).toContain('【重打 第1次】');
      expect(preview.drawerPulses).toBe(1);
      expect(again.drawerPulses).toBe(0);
      const before = printer.emulator.received.length;
      await t.ok('receipts.print', { saleId: sale.id }, sid);
      expect(decodeEscPos(printer.emulator.received.slice(before)).lines).toEqual(previewLines(again));
    });
  }
});

async function reversedSale(t: TestCounter, sid: string) {
  const c = await household(t, { householdSize: 4 });
  // 100.00 by money at 2.75: 36.36 m³ for 99.99, 0.01 kept as the customer's balance.
  const sale = await t.ok(
    'sales.sellGas',
    {
      purchase: { customerId: c.id, by: 'money', money: 100 * YUAN },
      expectedAmountDue: 100 * YUAN,
      tenders: [cash(100 * YUAN)],
    },
    sid,
  );
  expect(sale.balanceAdded).toBe(1);
  await t.ok('receipts.print', { saleId: sale.id }, sid);
  const reversal = await t.ok(
    'sales.reverse',
    { saleId: sale.id, reason: '用户当场退气，卡未插表', approval: SUPERVISOR },
    sid,
  );
  return { c, sale, reversal };
}

describe('a reversed or refunded sale can never print as a valid receipt', () => {
  it('a reprint of a reversed sale says 已冲正 in large type with the 冲正凭证 number; its status shows the reversal', async () => {
    const { t, printer, sid } = await counterWithPrinter(58);
    const { sale, reversal } = await reversedSale(t, sid);
    const again = await t.ok('receipts.print', { saleId: sale.id }, sid);
    expect(again.reprint).toBe(true);
    const paper = printer.emulator.receipts.at(-1)!;
    expect(paper).toEqual(again.receipt);
    const big = paper.elements.find(
      (e) => e.kind === 'line' && e.segments.some((s) => s.text.includes('已冲正')),
    );
    expect(big).toMatchObject({
      kind: 'line',
      align: 'center',
      segments: [{ text: '【已冲正】', bold: true, width: 2, height: 2 }],
    });
    const lines = previewLines(again.receipt);
    expect(lines.find((l) => l.startsWith('冲正凭证号'))).toMatch(new RegExp(`${reversal.receiptNo}$`));
    expect(lines).toContain('本收据已作废，款项已退还');
    expect(lines).toContain('【重打 第1次】');
    // The preview says the same before anything is printed again.
    const preview = (await t.ok('receipts.preview', { saleId: sale.id }, sid)).receipt;
    expect(previewLines(preview)).toContain('【已冲正】');
    // Its record: the reversal with its receipt number, not 已完成.
    const record = await t.ok('sales.get', { id: sale.id }, sid);
    expect(record.correctedBy).toEqual([
      expect.objectContaining({ kind: 'reversal', receiptNo: reversal.receiptNo }),
    ]);
  });

  it('the 冲正凭证 names the original receipt number and says 扣回结余, never a minus sign after a direction', async () => {
    const { t, sid } = await counterWithPrinter(80);
    const { sale, reversal } = await reversedSale(t, sid);
    const paper = (await t.ok('receipts.print', { saleId: reversal.id }, sid)).receipt;
    const lines = previewLines(paper);
    const all = lines.join('\n');
    expect(lines.find((l) => l.startsWith('原收据号'))).toMatch(
      new RegExp(`^原收据号（购气）\\s+${sale.receiptNo}$`),
    );
    expect(all).not.toContain(sale.id.slice(-12));
    expect(all).not.toContain('原购气记录');
    expect(lines.find((l) => l.startsWith('扣回结余'))).toMatch(/^扣回结余\s+￥0\.01$/);
    expect(all).not.toContain('存入结余');
    // No figure after a word that says which way money or gas goes carries a minus sign.
    for (const l of lines) expect(l, l).not.toMatch(/(结余|退还|实收|冲回|金额|现金|数量|气量).*-\d/);
    expect(all).toContain('冲回气量');
  });

  it('a fully refunded fee payment reprints marked 已退款 with the 退款凭证 number', async () => {
    const { t, sid } = await counterWithPrinter(58);
    const reroute = (await t.ok('fees.list', {}, sid)).items.find((f) => f.code === 'REROUTE')!;
    const paid = await t.ok(
      'sales.payFees',
      {
        lines: [{ feeItemId: reroute.id, qty: 1 }],
        expectedAmountDue: reroute.amountFen,
        tenders: [cash(reroute.amountFen)],
      },
      sid,
    );
    const refund = await t.ok(
      'sales.refund',
      {
        saleId: paid.id,
        amount: reroute.amountFen,
        tenders: [cash(reroute.amountFen)],
        reason: '用户取消改管',
        approval: SUPERVISOR,
      },
      sid,
    );
    const lines = previewLines((await t.ok('receipts.preview', { saleId: paid.id }, sid)).receipt);
    expect(lines).toContain('【已退款】');
    expect(lines.find((l) => l.startsWith('退款凭证号'))).toMatch(new RegExp(`${refund.receiptNo}$`));
    const voucher = previewLines((await t.ok('receipts.preview', { saleId: refund.id }, sid)).receipt);
    expect(voucher.find((l) => l.startsWith('原收据号'))).toMatch(new RegExp(`${paid.receiptNo}$`));
  });
});
