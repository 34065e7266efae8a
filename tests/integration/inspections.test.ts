/**
 * 安检 through the dispatcher on a real SQLite file: an inspection recorded with its number, ledger operation
 * and audit entry; a hazard not rectified keeps 需班长审批 on the household's purchases (sales.quote and
 * sales.sellGas) until its rectification, recorded once; the overdue-inspection list against a fake clock; the
 * 隐患整改通知书 printed as its preview showed (80 mm) and as an A4 page; bad input refused with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { HAZARD_NOTICE_TEXT, type InspectionItem } from '../../core/domain/inspections';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { cash, cashierWithShift, household, M3, SUPERVISOR } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

const writes = (t: TestCounter) => [
  t.count('inspections'),
  t.count('inspection_rectifications'),
  t.count('outbox'),
  t.count('audit'),
];

const found = (customerId: string) => ({
  customerId,
  date: '2026-11-25',
  inspector: '周安检',
  result: 'hazard' as const,
  items: ['pipe', 'hose', 'cooker'] as InspectionItem[],
  hazards: [{ item: 'hose' as const, note: '胶管老化开裂' }],
  deadline: '2026-12-05',
});

describe('inspections (安检)', () => {
  it('a hazard keeps 需班长审批 on purchases until it is rectified (through the dispatcher)', async () => {
    const t = await testCounter();
    t.app.sessions.idleLockMinutes = 60 * 24;
    const clerk = await t.login('zhangli');
    const cashier = await cashierWithShift(t);
    const c = await household(t);
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 5 * M3 };
    expect((await t.ok('sales.quote', purchase, cashier)).approvalReasons).toEqual([]);
    const before = writes(t);
    const i = await t.ok('inspections.record', found(c.id), clerk);
    expect(i).toMatchObject({
      no: '0101-01-AJ-000001',
      customerId: c.id,
      accountNo: c.accountNo,
      result: 'hazard',
      items: ['pipe', 'hose', 'cooker'],
      hazards: [{ item: 'hose', note: '胶管老化开裂' }],
      deadline: '2026-12-05',
      open: true,
      overdue: false,
      rectification: null,
      operator: { displayName: '张丽' },
    });
    expect(writes(t)).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 1]);
    const q = await t.ok('sales.quote', purchase, cashier);
    expect(q.approvalReasons).toEqual([
      {
        code: 'HAZARD',
        message: `安检发现隐患未整改（${i.no}：胶管（软管），整改期限 2026-12-05），购气需班长审批`,
      },
    ]);
    const sell = { purchase, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] };
    const sales = t.count('sales');
    expect((await t.fails('sales.sellGas', sell, cashier)).code).toBe('HAZARD_APPROVAL_REQUIRED');
    expect(t.count('sales')).toBe(sales);
    await t.ok('sales.sellGas', { ...sell, approval: SUPERVISOR }, cashier);
    expect((await t.ok('inspections.list', { openHazards: true }, clerk)).items.map((x) => x.id)).toEqual([
      i.id,
    ]);

    const fixed = await t.ok(
      'inspections.rectify',
      { id: i.id, rectifiedOn: '2026-11-26', checker: '周安检', note: '已更换不锈钢波纹管' },
      clerk,
    );
    expect(fixed).toMatchObject({
      open: false,
      rectification: { rectifiedOn: '2026-11-26', checker: '周安检', operator: { displayName: '张丽' } },
    });
    expect((await t.ok('sales.quote', purchase, cashier)).approvalReasons).toEqual([]);
    expect((await t.ok('inspections.list', { openHazards: true }, clerk)).items).toEqual([]);
    // Rectified is final: a second one is refused, nothing written.
    const after = writes(t);
    const again = await t.fails(
      'inspections.rectify',
      { id: i.id, rectifiedOn: '2026-11-26', checker: '周安检' },
      clerk,
    );
    expect(again).toMatchObject({
      code: 'INSPECTION_RECTIFIED',
      message: '这次安检的隐患已登记整改完毕，不能再修改；如又发现隐患，请登记一次新的安检。',
    });
    const ok = await t.ok(
      'inspections.record',
      { customerId: c.id, date: '2026-11-26', inspector: '周安检', result: 'normal', items: ['pipe'] },
      clerk,
    );
    expect(
      (await t.fails('inspections.rectify', { id: ok.id, rectifiedOn: '2026-11-26', checker: '周' }, clerk))
        .code,
    ).toBe('INSPECTION_NO_HAZARD');
    expect(writes(t)).toEqual([after[0]! + 1, after[1], after[2]! + 1, after[3]! + 1]);
    expect(() => t.app.gdb.sqlite.prepare("UPDATE inspections SET inspector = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM inspection_rectifications').run()).toThrow(
      /append-only/,
    );
    const types = t.app.gdb.sqlite
      .prepare("SELECT type FROM outbox WHERE entity_type = 'inspection' ORDER BY seq")
      .all() as { type: string }[];
    expect(types.map((x) => x.type)).toEqual([
      'inspection.recorded',
      'inspection.rectified',
      'inspection.recorded',
    ]);
  });

  it('lists households not inspected within the period, and a hazard past its deadline (fake clock)', async () => {
    const t = await testCounter();
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const clerk = await t.login('zhangli');
    const recent = await household(t, { inspection: { status: 'normal', date: '2026-11-20' } });
    const old = await household(t, {
      inspection: { status: 'normal', date: '2025-06-01' },
      phone: '13951230011',
    });
    const older = await household(t, {
      inspection: { status: 'refused', date: '2024-03-01' },
      phone: '13951230012',
    });
    // The counter's demo households are there too: only ours are looked at.
    const ours = new Set([recent.id, old.id, older.id]);
    const overdue = async (periodDays?: number) => {
      const r = await t.ok('inspections.overdue', periodDays ? { periodDays } : {}, clerk);
      return { ...r, items: r.items.filter((x) => ours.has(x.customerId)) };
    };
    const list = await overdue();
    expect(list).toMatchObject({ since: '2025-11-26', periodDays: 365 });
    expect(list.items.map((x) => [x.accountNo, x.lastDate])).toEqual([
      [older.accountNo, '2024-03-01'],
      [old.accountNo, '2025-06-01'],
    ]);
    // An inspection where nobody was home does not count; one done does.
    await t.ok(
      'inspections.record',
      { customerId: old.id, date: '2026-11-26', inspector: '周安检', result: 'nobody_home' },
      clerk,
    );
    expect((await overdue()).items).toHaveLength(2);
    const i = await t.ok('inspections.record', found(old.id), clerk);
    expect((await overdue()).items.map((x) => x.customerId)).toEqual([older.id]);
    expect((await overdue(30)).items.map((x) => x.customerId)).toEqual([older.id]);
    t.clock.advanceMinutes(60 * 24 * 30); // 2026-12-26: on a 30-day period all three are due; the hazard is overdue
    expect((await overdue(30)).items.map((x) => [x.customerId, x.lastDate])).toEqual([
      [older.id, '2024-03-01'],
      [recent.id, '2026-11-20'],
      [old.id, '2026-11-25'],
    ]);
    expect(await t.ok('inspections.get', { id: i.id }, clerk)).toMatchObject({ open: true, overdue: true });
    // The clerk's to-do board lists the hazard past its deadline (2026-12-05).
    expect((await t.ok('fieldWork.todo', {}, clerk)).hazardsPastDeadline.map((x) => x.id)).toEqual([i.id]);
  });

  it('prints the 隐患整改通知书 the preview showed, and its A4 page', async () => {
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
    const c = await household(t);
    const i = await t.ok('inspections.record', found(c.id), clerk);
    const preview = await t.ok('inspections.preview', { id: i.id }, clerk);
    const text = preview.receipt.elements
      .flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []))
      .join('\n');
    for (const s of [
      '隐患整改通知书',
      i.no,
      '胶管（软管）：胶管老化开裂',
      '2026-12-05',
      HAZARD_NOTICE_TEXT[2],
    ])
      expect(text).toContain(s);
    expect(preview.receipt.elements).toContainEqual(expect.objectContaining({ kind: 'barcode', data: i.no }));
    const out = await t.ok('inspections.print', { id: i.id }, clerk);
    expect(out).toMatchObject({ copyNo: 1, reprint: false });
    expect(printer.emulator.receipts[0]).toEqual(preview.receipt);
    expect(await t.ok('inspections.print', { id: i.id }, clerk)).toMatchObject({ copyNo: 2, reprint: true });
    const page = await t.ok('receipts.html', { kind: 'hazard', id: i.id }, clerk);
    expect(page.title).toBe(`隐患整改通知书 ${i.no}`);
    expect(page.html).toContain('@page { size: A4');
    expect(page.html).toContain('胶管老化开裂');
    expect(page.html).not.toContain('<script');
    // An inspection without hazards has no notice.
    const ok = await t.ok(
      'inspections.record',
      { customerId: c.id, date: '2026-11-26', inspector: '周安检', result: 'normal', items: ['pipe'] },
      clerk,
    );
    expect((await t.fails('inspections.preview', { id: ok.id }, clerk)).code).toBe('INSPECTION_NO_HAZARD');
  });

  it('refuses bad input in Chinese, naming the field, and writes nothing', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const cashier = await cashierWithShift(t);
    const c = await household(t);
    const before = writes(t);
    const issues = async (input: unknown) =>
      (await t.fails('inspections.record', input as never, clerk)).issues?.map((i) => [
        i.path.join('.'),
        i.message,
      ]);
    expect(await issues({ ...found(c.id), hazards: [] })).toEqual([
      ['hazards', '安检结果为「有隐患」，请登记发现的隐患'],
    ]);
    expect(await issues({ ...found(c.id), deadline: undefined })).toEqual([
      ['deadline', '有隐患时请填写整改期限'],
    ]);
    expect(await issues({ ...found(c.id), deadline: '2026-11-01' })).toEqual([
      ['deadline', '整改期限不能早于安检日期'],
    ]);
    expect(await issues({ ...found(c.id), result: 'normal' })).toEqual([
      ['result', '登记了隐患，安检结果应为「有隐患」'],
    ]);
    expect(await issues({ ...found(c.id), items: [] })).toEqual([['items', '请勾选检查过的项目']]);
    expect(await issues({ ...found(c.id), result: 'fine' })).toEqual([
      ['result', '请选择安检结果（正常、有隐患、无人在家、拒绝安检）'],
    ]);
    expect(await issues({ ...found(c.id), inspector: '' })).toEqual([['inspector', '请填写安检员']]);
    expect(await issues({ ...found(c.id), date: '2026-11-27', deadline: '2026-12-01' })).toEqual([
      ['date', '安检日期不能晚于今天'],
    ]);
    expect(await issues({ ...found(c.id), workOrderId: randomUUID() })).toEqual([
      ['workOrderId', '没有这张工单'],
    ]);
    expect((await t.fails('inspections.record', found(randomUUID()), clerk)).code).toBe('CUSTOMER_NOT_FOUND');
    expect((await t.fails('inspections.record', found(c.id), cashier)).code).toBe('PERMISSION_DENIED');
    const i = await t.ok('inspections.record', found(c.id), clerk);
    const after = writes(t);
    expect(
      (await t.fails('inspections.rectify', { id: i.id, rectifiedOn: '2026-11-20', checker: '周' }, clerk))
        .issues,
    ).toEqual([
      { path: ['rectifiedOn'], code: 'BEFORE_INSPECTION', message: '整改复查日期不能早于安检日期' },
    ]);
    expect(writes(t)).toEqual(after);
    expect(after).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 1]);
  });
});
