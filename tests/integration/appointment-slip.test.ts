/**
 * The appointment slip (预约上门通知单) printed on the receipt printer is what its preview showed, with the
 * handbook's reminders; a second print is a 重打; a team's day list prints on receipt paper and as an A4 page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APPOINTMENT_REMINDERS } from '../../core/domain/appointments';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { testCounter } from '../support/app';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

const visit = {
  name: '王建国',
  phone: '13951230002',
  address: '牛山街道翠湖观邸5栋1单元302',
  kind: 'install' as const,
  team: 'install' as const,
  date: '2026-11-27',
  slot: 'pm' as const,
  notes: '安装热水器',
};

describe('the appointment slip and the day list', () => {
  it('prints the slip the preview showed, with the reminders; the team’s day list on paper and A4', async () => {
    const t = await testCounter();
    t.app.sessions.idleLockMinutes = 60 * 24;
    const printer = new PrinterServer();
    servers.push(printer);
    const port = await printer.listenTcp(0);
    const admin = await t.login('admin');
    await t.ok(
      'printers.configure',
      { spec: `tcp:127.0.0.1:${port}`, width: 80, company: '东海燃气' },
      admin,
    );
    const clerk = await t.login('zhangli');
    const a = await t.ok('appointments.book', visit, clerk);
    const b = await t.ok(
      'appointments.book',
      { ...visit, name: '李桂兰', kind: 'gas_on', slot: 'am', notes: '' },
      clerk,
    );
    const preview = await t.ok('appointments.preview', { id: a.id }, clerk);
    const text = preview.receipt.elements
      .flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []))
      .join('\n');
    for (const s of ['预约上门通知单', a.no, '安装队', '2026-11-27 下午', '王建国', '安装热水器'])
      expect(text).toContain(s);
    for (const r of APPOINTMENT_REMINDERS) expect(text.replace(/\s/g, '')).toContain(r);
    expect(preview.receipt.elements).toContainEqual(expect.objectContaining({ kind: 'barcode', data: a.no }));
    expect(await t.ok('appointments.print', { id: a.id }, clerk)).toMatchObject({
      copyNo: 1,
      reprint: false,
    });
    expect(printer.emulator.receipts[0]).toEqual(preview.receipt);
    expect(await t.ok('appointments.print', { id: a.id }, clerk)).toMatchObject({ copyNo: 2, reprint: true });
    expect(t.count("outbox WHERE type = 'receipt.reprinted'")).toBe(1);

    const day = await t.ok('appointments.printDay', { date: '2026-11-27', team: 'install' }, clerk);
    const list = day.receipt.elements
      .flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []))
      .join('\n');
    expect(list).toContain('预约上门日程');
    // Morning first: 李桂兰 (通气) before 王建国 (安装).
    expect(list.indexOf(b.no)).toBeGreaterThan(-1);
    expect(list.indexOf(b.no)).toBeLessThan(list.indexOf(a.no));
    const page = await t.ok('receipts.html', { kind: 'teamDay', id: '2026-11-27:install' }, clerk);
    expect(page.html).toContain('@page { size: A4');
    expect(page.html).toContain('预约上门日程 安装队 2026-11-27');
    expect(page.html).toContain(a.no);
    expect(page.html).not.toContain('<script');
    expect(
      (await t.fails('receipts.html', { kind: 'teamDay', id: '2026-11-27:nobody' }, clerk)).issues?.[0]
        ?.message,
    ).toBe('班组预约日程的编号是 日期:班组（如 2026-11-27:repair）');
  });
});
