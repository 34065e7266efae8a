/**
 * 安全宣传 on a real SQLite file and the printer emulator over TCP: no safety notice or hotline on a receipt until
 * the company sets them (a 班长 or the administrator; a clerk may not), then on every receipt — the preview and
 * the paper alike; the 安全提示单 of a meter alarm seen on a card read, printed with each alarm's advice and the
 * hotline; bad input refused in Chinese with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { M3, buy, cashierWithShift, household } from '../fixtures/sales';
import { testCounter } from '../support/app';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

const lines = (r: { elements: { kind: string; segments?: { text: string }[] }[] }) =>
  r.elements.flatMap((e) => (e.kind === 'line' ? [e.segments!.map((s) => s.text).join('')] : []));

async function setUp() {
  const t = await testCounter({ households: 1 });
  t.app.sessions.idleLockMinutes = 60 * 24;
  const printer = new PrinterServer();
  servers.push(printer);
  const port = await printer.listenTcp(0);
  const admin = await t.login('admin');
  await t.ok('printers.configure', { spec: `tcp:127.0.0.1:${port}`, width: 80, company: '东海燃气' }, admin);
  const sid = await cashierWithShift(t);
  const c = await household(t);
  return { t, printer, admin, sid, c };
}

const NOTICE = '用气时请保持通风，人离火灭；闻到异味请关阀开窗。';

describe('safety publicity (安全宣传)', () => {
  it('prints the company’s notice and hotline on every receipt once set, and nothing before', async () => {
    const { t, printer, sid, c } = await setUp();
    const clerk = await t.login('zhangli');
    const boss = await t.login('liuqiang');
    const first = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 5 * M3 });
    const before = lines((await t.ok('receipts.preview', { saleId: first.id }, sid)).receipt).join('\n');
    expect(before).not.toMatch(/安全提示|服务热线/);

    expect((await t.fails('publicity.save', { hotline: '96777', notice: NOTICE }, clerk)).code).toBe(
      'PERMISSION_DENIED',
    );
    const outbox = t.count('outbox');
    const bad = await t.fails('publicity.save', { hotline: '九六七', notice: NOTICE }, boss);
    expect(bad.issues?.map((i) => i.message)).toEqual(['服务热线只能由数字、空格、括号和 - 组成']);
    expect(t.count('outbox')).toBe(outbox);
    expect(await t.ok('publicity.save', { hotline: '0518-96777', notice: NOTICE }, boss)).toEqual({
      hotline: '0518-96777',
      notice: NOTICE,
    });
    expect(t.count('outbox')).toBe(outbox + 1);

    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 5 * M3 });
    const preview = await t.ok('receipts.preview', { saleId: sale.id }, sid);
    const out = await t.ok('receipts.print', { saleId: sale.id }, sid);
    expect(printer.emulator.receipts.at(-1)!.elements).toEqual(preview.receipt.elements);
    const text = lines(out.receipt).join('\n');
    expect(text).toContain(`安全提示：${NOTICE.slice(0, 8)}`);
    expect(text).toMatch(/服务热线\s+0518-96777/);
  });

  it('prints the 安全提示单 of a meter alarm with each alarm’s advice and the hotline', async () => {
    const { t, printer, admin, sid, c } = await setUp();
    await t.ok('publicity.save', { hotline: '0518-96777', notice: '' }, admin);
    const input = { customerId: c.id, meterNo: 'M-0001', alarms: ['lowBattery', 'leakAlarm'] };
    const preview = await t.ok('publicity.alarmSlipPreview', input, sid);
    const out = await t.ok('publicity.alarmSlip', input, sid);
    expect(printer.emulator.receipts.at(-1)!.elements).toEqual(preview.receipt.elements);
    const text = lines(out.receipt).join('\n');
    for (const s of [
      '安全提示单',
      c.name,
      c.accountNo,
      'M-0001',
      '1. 表具电池电量低',
      '2. 燃气泄漏报警',
      '0518-96777',
    ])
      expect(text).toContain(s);
    expect(text).toContain('请尽快更换表具电池');
    const none = await t.fails('publicity.alarmSlip', { ...input, alarms: [] }, sid);
    expect(none.issues?.map((i) => i.message)).toEqual(['没有表具报警或表具数据异常，无需打印安全提示单']);
  });

  it('prints the 安全提示单 of a meter whose data is wrong (a card read’s meter faults), each fault as read', async () => {
    const { t, admin, sid, c } = await setUp();
    await t.ok('publicity.save', { hotline: '0518-96777', notice: '' }, admin);
    const fault = '表具累计用气 100 小于上次读数 400';
    const out = await t.ok(
      'publicity.alarmSlip',
      { customerId: c.id, meterNo: 'M-0001', alarms: [], faults: [fault] },
      sid,
    );
    const text = lines(out.receipt).join('\n');
    const flat = text.replace(/\s+/g, ''); // the 80 mm slip wraps long lines
    for (const s of ['安全提示单', c.accountNo, 'M-0001', '表具数据异常', '请勿自行拆修表具', '0518-96777'])
      expect(flat).toContain(s.replace(/\s+/g, ''));
    expect(flat).toContain(fault.replace(/\s+/g, ''));
    expect(text).not.toContain('1. ');
  });
});
