import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPos, statusRequest } from './escpos';
import { clip, printable, textWidth, words, wrap, wrapWords } from './gb18030';
import { PrinterEmulator } from './printer-emulator';
import { receiptText } from '../../core/receipts/printed';

describe('GB18030 text for printers', () => {
  it('measures columns by GBK bytes, writes ¥ full-width and replaces 4-byte characters', () => {
    expect(textWidth('合计 ¥12.50')).toBe(2 * 2 + 1 + 2 + 5);
    expect(printable('¥5')).toBe('￥5');
    expect(printable('用户😀𠀀名')).toBe('用户??名');
    expect(clip('燃气营业厅', 5)).toBe('燃气');
    expect(wrap('一二三四五六七', 6)).toEqual(['一二三', '四五六', '七']);
  });
});

describe('wrapping receipt text without splitting a word, a number or a room number', () => {
  it('keeps numbers, amounts and codes whole, with their one-character unit and punctuation', () => {
    expect(words('地址：12栋3单元1502')).toEqual(['地', '址：', '12栋', '3单元', '1502']);
    expect(words('合计￥1,234.50元，谢谢')).toEqual(['合', '计', '￥1,234.50元，', '谢', '谢']);
    expect(words('（购气）')).toEqual(['（购', '气）']);
    expect(wrapWords('本年度（2026-01-01起）阶梯用气：530.00m³', 32)).toEqual([
      '本年度（2026-01-01起）阶梯用气：',
      '530.00m3',
    ]);
    expect(wrapWords('补录 JK20261127：2026-11-27 09:30 登记', 32)).toEqual([
      '补录 JK20261127：2026-11-27',
      '09:30 登记',
    ]);
  });

  it('breaks an address only between its parts, a title between its parts', () => {
    const address = ['地址：牛山街道', '翠湖观邸', '12栋', '3单元', '1502'];
    expect(wrapWords(address, 32)).toEqual(['地址：牛山街道翠湖观邸12栋3单元', '1502']);
    expect(wrapWords(address, 24)).toEqual(['地址：牛山街道翠湖观邸', '12栋3单元1502']);
    expect(wrapWords(['燃气费收据', '（购气）'], 16)).toEqual(['燃气费收据', '（购气）']);
    // A part wider than a whole line breaks into words; a word wider than a line, between characters.
    expect(wrapWords(['一二三四五六七八九十', '1号'], 8)).toEqual(['一二三四', '五六七八', '九十1号']);
    expect(wrapWords('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(wrapWords('', 32)).toEqual(['']);
  });

  it('any text: lines fit, nothing is lost but the spaces at breaks, a number that fits a line stays whole', () => {
    const token = fc.oneof(
      fc.constantFrom('燃', '气', '费', '单元', '栋', '，', '（', '）', ' ', '￥'),
      fc.integer({ min: 0, max: 99_999_999 }).map(String),
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => (n / 100).toFixed(2)),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.integer({ min: 8, max: 48 }), (tokens, cols) => {
        const text = tokens.join('');
        const lines = wrapWords(text, cols);
        for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(cols);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const n of text.match(/[\x21-\x7e]+/g) ?? [])
          if (n.length <= cols) expect(lines.some((l) => l.includes(n))).toBe(true);
      }),
    );
  });

  it('a row too long for one line puts the right part under the left, nothing cut; cells wrap in their column', () => {
    const emu = new PrinterEmulator();
    emu.handle(
      new EscPos(58)
        .init()
        .row('网点', '东海市城东燃气客服中心营业厅 12号窗口')
        .cells(['燃气表更换（含安装）', '1', '300.00'], [17, 5, 10], ['left', 'right', 'right'])
        .cut()
        .bytes(),
    );
    const text = receiptText(emu.receipts[0]!, 32, textWidth).split('\n');
    expect(text.slice(0, 4)).toEqual([
      '网点',
      '    东海市城东燃气客服中心营业厅',
      '                        12号窗口',
      '燃气表更换（含安     1    300.00',
    ]);
    expect(text[4]).toBe('装）');
  });
});

describe('ESC/POS encoder → printer emulator round trip', () => {
  it('keeps Chinese text, styles, alignment, QR content, barcode and the cut', () => {
    const p = new EscPos(58)
      .init()
      .align('center')
      .size(2, 2)
      .bold()
      .line('东海燃气')
      .size(1, 1)
      .bold(false)
      .align('left')
      .row('合计', '¥1,234.50')
      .line('壹仟贰佰叁拾肆元伍角整')
      .rule()
      .align('center')
      .qr('gasdesk:r/0101-00000001?s=abc', { size: 5, ec: 'M' })
      .barcode('010101000001')
      .kickDrawer()
      .cut();
    const emu = new PrinterEmulator();
    const bytes = p.bytes();
    // Any split of the stream gives the same receipt.
    for (let i = 0; i < bytes.length; i += 7) emu.handle(bytes.subarray(i, i + 7));
    expect(emu.receipts).toHaveLength(1);
    const r = emu.receipts[0]!;
    expect(r.cut).toBe(true);
    expect(r.drawerPulses).toBe(1);
    expect(r.elements[0]).toEqual({
      kind: 'line',
      align: 'center',
      segments: [{ text: '东海燃气', bold: true, underline: false, width: 2, height: 2 }],
    });
    expect(r.elements[1]).toMatchObject({
      kind: 'line',
      align: 'left',
      segments: [{ text: `合计${' '.repeat(32 - 4 - 10)}￥1,234.50`, bold: false }],
    });
    expect(r.elements[2]).toMatchObject({ segments: [{ text: '壹仟贰佰叁拾肆元伍角整' }] });
    expect(r.elements[3]).toMatchObject({ segments: [{ text: '-'.repeat(32) }] });
    expect(r.elements[4]).toEqual({
      kind: 'qr',
      align: 'center',
      data: 'gasdesk:r/0101-00000001?s=abc',
      size: 5,
      ec: 'M',
    });
    expect(r.elements[5]).toEqual({ kind: 'barcode', align: 'center', data: '010101000001' });
    const text = receiptText(r, 32, textWidth);
    expect(text).toContain('壹仟贰佰叁拾肆元伍角整');
    expect(text).toContain('✂');
  });

  it('emits the documented bytes for the basic commands (golden)', () => {
    expect([...new EscPos(80).init().align('center').bold().line('中').cut(1).bytes()]).toEqual([
      0x1b, 0x40, 0x1c, 0x26, 0x1b, 0x61, 1, 0x1b, 0x45, 1, 0xd6, 0xd0, 0x0a, 0x1d, 0x56, 66, 8,
    ]);
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 4]);
  });

  it('answers DLE EOT from its flags, shaped 0xx1xx10', () => {
    const emu = new PrinterEmulator();
    const ask = (n: 1 | 2 | 3 | 4) => emu.handle(statusRequest(n))[0]![0]!;
    expect([ask(1), ask(2), ask(3), ask(4)]).toEqual([0x12, 0x12, 0x12, 0x12]);
    emu.flags.paperEnd = true;
    expect(ask(1) & 0x08).toBe(0x08);
    expect(ask(2) & 0x20).toBe(0x20);
    expect(ask(4) & 0x60).toBe(0x60);
    emu.flags = { ...emu.flags, paperEnd: false, coverOpen: true };
    expect(ask(2) & 0x04).toBe(0x04);
    for (const n of [1, 2, 3, 4] as const) expect(ask(n) & 0x93).toBe(0x12);
  });

  it('buffers while it cannot print and prints when the fault is cleared', () => {
    const emu = new PrinterEmulator();
    emu.flags.paperEnd = true;
    emu.handle(new EscPos(58).init().line('一张收据').cut().bytes());
    expect(emu.receipts).toHaveLength(0);
    emu.flags.paperEnd = false;
    emu.resume();
    expect(emu.receipts).toHaveLength(1);
  });
});
