/**
 * 业务受理 through the dispatcher on a real SQLite file: the record with its readable number, ledger operation
 * and audit entry; one effect however often a request arrives; bad input refused in Chinese with nothing
 * written; the catalogue kept by a 班长 in versions; the link to a fee payment; the printed
 * 燃气业务受理通知单 (80 mm, through the printer path) and its A4 page.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';
import { payFees } from './cash-helpers';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

const writes = (t: TestCounter) => [t.count('acceptances'), t.count('outbox'), t.count('audit')];

const walkIn = {
  typeCode: 'BX',
  channel: 'phone' as const,
  name: '李桂兰',
  phone: '13951230001',
  address: '牛山街道翠湖观邸3栋2单元501',
  asked: '厨房有燃气味，灶具打不着火',
  answered: '已请客户关闭表前阀、开窗通风，维修班尽快上门',
  nextStep: '转通气维修班上门检查',
};

describe('business acceptance (业务受理)', () => {
  it('records a visit of a customer of the file and a call of a prospective one, numbered per counter', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const c = await household(t);
    const before = writes(t);
    const a = await t.ok(
      'acceptances.create',
      {
        customerId: c.id,
        typeCode: 'KH',
        channel: 'window',
        asked: '新房开户',
        documents: ['初装费发票', '燃气用户登记表'],
        nextStep: '签合同、制卡',
      },
      clerk,
    );
    expect(a).toMatchObject({
      no: '0101-01-KH-000001',
      type: { code: 'KH', name: '开户' },
      channel: 'window',
      party: {
        customerId: c.id,
        accountNo: c.accountNo,
        name: c.name,
        phone: c.phone,
        address: c.fullAddress,
      },
      documents: ['初装费发票', '燃气用户登记表'],
      prepare: '初装费发票、燃气用户登记表、户主身份证',
      sale: null,
      operator: { displayName: '张丽' },
    });
    const b = await t.ok('acceptances.create', walkIn, clerk);
    expect(b).toMatchObject({
      no: '0101-01-BX-000002',
      party: { customerId: null, accountNo: null, name: '李桂兰', phone: '13951230001' },
      answered: walkIn.answered,
    });
    expect(writes(t)).toEqual(before.map((n, i) => n + (i === 0 ? 2 : 2)));
    const op = t.app.gdb.sqlite
      .prepare(
        "SELECT entity_type AS e, entity_id AS id, payload FROM outbox WHERE type = 'acceptance.recorded' ORDER BY seq",
      )
      .all() as { e: string; id: string; payload: string }[];
    expect(op.map((o) => [o.e, o.id])).toEqual([
      ['acceptance', a.id],
      ['acceptance', b.id],
    ]);
    expect(JSON.parse(op[1]!.payload)).toMatchObject({ v: 1, no: b.no, typeCode: 'BX', customerId: null });
    // Listed newest first; found by number, name or phone; survives a restart (it is in the file).
    t.restart();
    const sid = await t.login('zhangli');
    expect((await t.ok('acceptances.list', {}, sid)).items.map((x) => x.no)).toEqual([b.no, a.no]);
    expect((await t.ok('acceptances.list', { query: '李桂兰' }, sid)).items.map((x) => x.no)).toEqual([b.no]);
    expect((await t.ok('acceptances.list', { customerId: c.id }, sid)).items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(await t.ok('acceptances.get', { id: a.id }, sid)).toEqual(a);
  });

  it('gives a request one effect however often it arrives', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const requestId = randomUUID();
    const first = await t.d.invoke('acceptances.create', { ...walkIn, requestId }, { sessionId: clerk });
    const again = await t.d.invoke('acceptances.create', { ...walkIn, requestId }, { sessionId: clerk });
    expect(first.ok && again.ok).toBe(true);
    expect(again).toMatchObject({ replayed: true, result: first.ok ? first.result : null });
    expect(t.count('acceptances')).toBe(1);
    const other = await t.d.invoke(
      'acceptances.create',
      { ...walkIn, asked: '另一件事', requestId },
      { sessionId: clerk },
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'REQUEST_ID_REUSED' } });
    expect(t.count('acceptances')).toBe(1);
    expect(t.count("outbox WHERE type = 'acceptance.recorded'")).toBe(1);
  });

  it('refuses bad input in Chinese, naming the field, and writes nothing', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const cashier = await cashierWithShift(t);
    const gas = await t.ok('customers.search', { query: '0101010' }, clerk);
    const before = writes(t);
    const issues = async (input: object) => {
      const e = await t.fails('acceptances.create', input, clerk);
      return e.issues?.map((i) => [i.path.join('.'), i.message]);
    };
    const { name: _n, phone: _p, ...nobody } = walkIn;
    expect(await issues(nobody)).toEqual([
      ['name', '请选择用户，或填写客户姓名'],
      ['phone', '请选择用户，或填写联系电话'],
    ]);
    expect(await issues({ ...walkIn, asked: '  ' })).toEqual([['asked', '请填写客户诉求']]);
    expect(await issues({ ...walkIn, channel: 'fax' })).toEqual([
      ['channel', '请选择受理方式（窗口、电话、上门）'],
    ]);
    expect(await issues({ ...walkIn, phone: '12345' })).toEqual([
      ['phone', '电话号码不正确：手机 11 位，座机带区号'],
    ]);
    expect(await issues({ ...walkIn, typeCode: 'ZZ' })).toEqual([['typeCode', '没有这个业务类型']]);
    expect(await issues({ ...walkIn, saleId: randomUUID() })).toEqual([['saleId', '没有这笔收费记录']]);
    const c = gas.items[0]!;
    const sale = await t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 1_000 }, cashier);
    const sold = await t.ok(
      'sales.sellGas',
      {
        purchase: { customerId: c.id, by: 'volume', volume: 1_000 },
        expectedAmountDue: sale.amountDue,
        tenders: [{ method: 'cash', amount: sale.amountDue }],
      },
      cashier,
    );
    expect(await issues({ ...walkIn, saleId: sold.id })).toEqual([
      ['saleId', '只能关联收费项目的收费（不是购气或冲正）'],
    ]);
    const unknown = await t.fails('acceptances.create', { ...walkIn, customerId: randomUUID() }, clerk);
    expect(unknown).toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
      message: '没有找到该用户，请核对用户编号。',
    });
    const afterSale = writes(t);
    expect(afterSale[0]).toBe(before[0]);
    // A cashier takes no acceptance.
    expect((await t.fails('acceptances.create', walkIn, cashier)).code).toBe('PERMISSION_DENIED');
    expect(writes(t)).toEqual(afterSale);
  });

  it('keeps the catalogue in versions a 班长 saves; a type no longer offered is refused', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const boss = await t.login('liuqiang');
    const list = (await t.ok('serviceTypes.list', {}, clerk)).items;
    expect(list.map((x) => x.name)).toEqual([
      '缩短管线',
      '初装费',
      '改管线',
      '换表',
      '安装热水器',
      '购气',
      '开户',
      '过户',
      '停用/启用',
      '销户',
      '报修',
      '咨询',
      '投诉',
      '其他',
    ]);
    expect((await t.fails('serviceTypes.save', { code: 'BX', name: '报修' }, clerk)).code).toBe(
      'PERMISSION_DENIED',
    );
    const off = await t.ok('serviceTypes.save', { code: 'RS', name: '安装热水器', active: false }, boss);
    expect(off).toMatchObject({ code: 'RS', version: 1, active: false, prepare: '' });
    const added = await t.ok(
      'serviceTypes.save',
      { code: 'ZZQ', name: '置换通气', prepare: '灶具、电池、软管；通气当日家中留人' },
      boss,
    );
    expect(added.version).toBe(1);
    const again = await t.ok(
      'serviceTypes.save',
      { code: 'ZZQ', name: '置换通气', prepare: '灶具、电池、软管' },
      boss,
    );
    expect(again.version).toBe(2);
    const now = (await t.ok('serviceTypes.list', {}, clerk)).items;
    expect(now.find((x) => x.code === 'RS')).toMatchObject({ active: false, version: 1 });
    expect(now.at(-1)).toMatchObject({ code: 'ZZQ', prepare: '灶具、电池、软管', version: 2 });
    expect(t.count('service_types')).toBe(3);
    const refused = await t.fails('acceptances.create', { ...walkIn, typeCode: 'RS' }, clerk);
    expect(refused.issues).toEqual([
      { path: ['typeCode'], code: 'TYPE_INACTIVE', message: '业务类型「安装热水器」已停办' },
    ]);
    const a = await t.ok('acceptances.create', { ...walkIn, typeCode: 'ZZQ' }, clerk);
    expect(a).toMatchObject({ no: '0101-01-ZZQ-000001', prepare: '灶具、电池、软管' });
    expect(() => t.app.gdb.sqlite.prepare("UPDATE service_types SET name = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.prepare("UPDATE acceptances SET asked = 'x'").run()).toThrow(/append-only/);
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM acceptances').run()).toThrow(/append-only/);
  });

  it('links the fee payment it brings, and prints the notice the preview showed (80 mm and A4)', async () => {
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
    const cashier = await cashierWithShift(t);
    const fee = await payFees(t, cashier, [{ name: '换表', qty: 1 }], (due) => [
      { method: 'cash', amount: due },
    ]);
    const clerk = await t.login('zhangli');
    const a = await t.ok(
      'acceptances.create',
      { ...walkIn, typeCode: 'HB', channel: 'window', saleId: fee.id, documents: ['燃气卡'] },
      clerk,
    );
    expect(a.sale).toEqual({ id: fee.id, receiptNo: fee.receiptNo, amount: fee.amount });
    const preview = await t.ok('acceptances.preview', { id: a.id }, clerk);
    const text = preview.receipt.elements
      .flatMap((e) => (e.kind === 'line' ? [e.segments.map((s) => s.text).join('')] : []))
      .join('\n');
    expect(text).toContain('燃气业务受理通知单');
    expect(text).toContain(a.no);
    expect(text).toContain('燃气卡、户主身份证；换表当日家中留人');
    expect(text).toContain(fee.receiptNo);
    expect(preview.receipt.elements).toContainEqual(expect.objectContaining({ kind: 'barcode', data: a.no }));
    const out = await t.ok('acceptances.print', { id: a.id }, clerk);
    expect(out).toMatchObject({ copyNo: 1, reprint: false });
    expect(printer.emulator.receipts[0]).toEqual(preview.receipt);
    const second = await t.ok('acceptances.print', { id: a.id }, clerk);
    expect(second).toMatchObject({ copyNo: 2, reprint: true });
    expect(t.count("outbox WHERE type = 'receipt.reprinted'")).toBe(1);
    const page = await t.ok('receipts.html', { kind: 'acceptance', id: a.id }, clerk);
    expect(page.title).toBe(`燃气业务受理通知单 ${a.no}`);
    expect(page.html).toContain('@page { size: A4');
    expect(page.html).toContain(a.no);
    expect(page.html).not.toContain('<script');
  });
});
