import { describe, expect, it } from 'vitest';
import { fullOpening, validResidentId } from '../fixtures/households';
import { testCounter } from '../support/app';

describe('the customer file (一户一档)', () => {
  it('opens a customer with every field, in one transaction with its outbox row and audit entry', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const before = { outbox: t.count('outbox'), audit: t.count('audit'), customers: t.count('customers') };
    const c = await t.ok('customers.open', fullOpening(), sid);
    expect(c).toMatchObject({
      name: '陈晓东',
      idNumber: validResidentId(),
      phone: '13951234567',
      altPhone: '0518-87654321', // kept as the customer wrote it
      fullAddress: '牛山街道翠湖观邸12栋3单元1502',
      householdSize: 5,
      inspection: { status: 'normal', date: '2026-11-20' },
      contract: { no: 'HT2026-000123', signedOn: '2026-11-26' },
      documents: { connectionFeeInvoiceNo: 'FP00012345', registrationFormChecked: true },
      status: 'active',
      version: 1,
      notes: '新装户，需预约通气',
    });
    expect(c.accountNo).toMatch(/^010101\d{6}$/);
    expect(c.meters.map((m) => m.meterNo)).toEqual(['JK2026112601']);
    expect(t.count('outbox')).toBe(before.outbox + 1);
    expect(t.count('audit')).toBe(before.audit + 1);
    expect(t.count('customers')).toBe(before.customers + 1);
    const op = t.app.gdb.sqlite
      .prepare('SELECT type, entity_id, operator_id FROM outbox ORDER BY seq DESC LIMIT 1')
      .get();
    expect(op).toMatchObject({ type: 'customer.opened', entity_id: c.id });
  });

  it('allocates gap-free account numbers per counter and honours a given one', async () => {
    const t = await testCounter({ households: 3 });
    const sid = await t.login('zhangli');
    const a = await t.ok('customers.open', fullOpening({ meters: [] }), sid);
    expect(a.accountNo).toBe('010101000004');
    const b = await t.ok('customers.open', fullOpening({ accountNo: '99887766', meters: [] }), sid);
    expect(b.accountNo).toBe('99887766');
  });

  it('refuses bad input with stable codes and Chinese messages, writing nothing', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const writes = () => [t.count('outbox'), t.count('audit'), t.count('customers'), t.count('meters')];
    const before = writes();

    const badId = await t.fails('customers.open', fullOpening({ idNumber: '320722198506121230' }), sid);
    expect(badId.code).toBe('VALIDATION_FAILED');
    expect(badId.issues).toContainEqual(
      expect.objectContaining({
        path: ['idNumber'],
        code: 'RESIDENT_ID_INVALID',
        message: expect.stringContaining('校验位'),
      }),
    );

    const badBirth = await t.fails(
      'customers.open',
      fullOpening({ idNumber: validResidentId('32072219851332123') }),
      sid,
    );
    expect(badBirth.issues?.[0]).toMatchObject({
      code: 'RESIDENT_ID_INVALID',
      message: expect.stringContaining('出生日期'),
    });

    const letters = await t.fails('customers.open', fullOpening({ altPhone: '0518-8765432l' }), sid);
    expect(letters.issues).toContainEqual(
      expect.objectContaining({
        path: ['altPhone'],
        message: '电话号码只能包含数字、空格、短横线“-”和括号',
      }),
    );
    const badPhone = await t.fails('customers.open', fullOpening({ phone: '12345' }), sid);
    expect(badPhone.issues).toContainEqual(
      expect.objectContaining({ path: ['phone'], code: 'PHONE_INVALID' }),
    );

    const { name: _n, ...noName } = fullOpening();
    const missing = await t.fails('customers.open', noName, sid);
    expect(missing.issues).toContainEqual(
      expect.objectContaining({ path: ['name'], message: '请填写用户名称' }),
    );

    const noId = await t.fails('customers.open', fullOpening({ idNumber: undefined }), sid);
    expect(noId.issues).toContainEqual(expect.objectContaining({ path: ['idNumber'], code: 'REQUIRED' }));

    const unchecked = await t.fails(
      'customers.open',
      { ...fullOpening(), documents: { connectionFeeInvoiceNo: 'X1', registrationFormChecked: false } },
      sid,
    );
    expect(unchecked.issues?.[0]?.message).toContain('燃气用户登记表');

    expect(writes()).toEqual(before);
  });

  it('refuses duplicate account and meter numbers, writing nothing', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    await t.ok('customers.open', fullOpening({ accountNo: '12345678' }), sid);
    const before = [t.count('outbox'), t.count('customers'), t.count('meters')];
    const dupAccount = await t.fails(
      'customers.open',
      fullOpening({ accountNo: '12345678', meters: [] }),
      sid,
    );
    expect(dupAccount).toMatchObject({
      code: 'DUPLICATE_ACCOUNT_NO',
      status: 409,
      message: expect.stringContaining('用户编号'),
    });
    const dupMeter = await t.fails('customers.open', fullOpening(), sid);
    expect(dupMeter.code).toBe('DUPLICATE_METER_NO');
    expect(dupMeter.issues?.[0]?.path).toEqual(['meters', 0, 'meterNo']);
    const lowerCase = await t.fails(
      'customers.open',
      fullOpening({ meters: [{ ...fullOpening().meters![0]!, meterNo: 'jk2026112601' }] }),
      sid,
    );
    expect(lowerCase.code).toBe('DUPLICATE_METER_NO');
    expect([t.count('outbox'), t.count('customers'), t.count('meters')]).toEqual(before);
  });

  it('edits with a reason, keeping the before and after in the history', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening(), sid);
    const noReason = await t.fails(
      'customers.update',
      { id: c.id, expectedVersion: 1, changes: { phone: '13800001111' } },
      sid,
    );
    expect(noReason.issues).toContainEqual(expect.objectContaining({ path: ['reason'] }));
    const u = await t.ok(
      'customers.update',
      { id: c.id, expectedVersion: 1, changes: { phone: '13800001111' }, reason: '用户更换手机号' },
      sid,
    );
    expect(u).toMatchObject({ phone: '13800001111', version: 2 });
    const stale = await t.fails(
      'customers.update',
      { id: c.id, expectedVersion: 1, changes: { phone: '13800002222' }, reason: '再改' },
      sid,
    );
    expect(stale.code).toBe('STALE_RECORD');
    const same = await t.fails(
      'customers.update',
      { id: c.id, expectedVersion: 2, changes: { phone: '13800001111' }, reason: '无变化' },
      sid,
    );
    expect(same.code).toBe('NOTHING_CHANGED');
    const h = await t.ok('customers.history', { id: c.id }, sid);
    expect(h.items.map((i) => i.action)).toEqual(['customer.opened', 'customer.updated']);
    expect(h.items[1]).toMatchObject({
      reason: '用户更换手机号',
      operator: { displayName: '张丽' },
      changes: [{ field: 'phone', before: '13951234567', after: '13800001111' }],
    });
  });

  it('clears an optional field with null, and records meters added in the history', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening(), sid);
    const cleared = await t.ok(
      'customers.update',
      { id: c.id, expectedVersion: 1, changes: { altPhone: null, notes: null }, reason: '用户要求删除' },
      sid,
    );
    expect(cleared).toMatchObject({ altPhone: null, notes: null, phone: c.phone });
    const meter = { meterNo: 'xf-0001', maker: '先锋电子', model: 'XF-G4', cardType: 'SLE4442' };
    const m = await t.ok(
      'customers.addMeter',
      { id: c.id, expectedVersion: 2, meter, reason: '增加壁挂炉表' },
      sid,
    );
    expect(m.meters.map((x) => x.meterNo)).toEqual(['JK2026112601', 'XF-0001']);
    const h = await t.ok('customers.history', { id: c.id }, sid);
    expect(h.items[1]!.changes).toEqual([
      { field: 'altPhone', before: '0518-87654321', after: null },
      { field: 'notes', before: '新装户，需预约通气', after: null },
    ]);
    expect(h.items[2]!.changes).toEqual([
      { field: 'meters', before: 'JK2026112601', after: 'JK2026112601、XF-0001' },
    ]);
  });

  it('moves status only along the state machine, keeping dates, and 销户 needs a supervisor', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening(), sid);
    t.clock.advanceMinutes(5);
    const s = await t.ok(
      'customers.changeStatus',
      { id: c.id, expectedVersion: 1, action: 'suspend', reason: '长期外出' },
      sid,
    );
    expect(s.status).toBe('suspended');
    expect(s.statusChangedAt).toBe(new Date(t.clock.ms).toISOString());

    const before = t.count('outbox');
    const transfer = await t.fails(
      'customers.transfer',
      {
        id: c.id,
        expectedVersion: 2,
        newOwner: { name: '李四', idNumber: validResidentId('11010519491231002'), phone: '13900001111' },
        contract: { no: 'HT-2', signedOn: '2026-11-26' },
        reason: '房屋出售',
      },
      sid,
    );
    expect(transfer).toMatchObject({ code: 'ILLEGAL_STATUS_TRANSITION', status: 409 });
    const again = await t.fails(
      'customers.changeStatus',
      { id: c.id, expectedVersion: 2, action: 'suspend', reason: '重复' },
      sid,
    );
    expect(again.code).toBe('ILLEGAL_STATUS_TRANSITION');
    expect(t.count('outbox')).toBe(before);

    const noApproval = await t.fails(
      'customers.changeStatus',
      { id: c.id, expectedVersion: 2, action: 'close', reason: '拆迁' },
      sid,
    );
    expect(noApproval.code).toBe('APPROVAL_REQUIRED');
    // Only a 班长 approves: not the administrator (nor a clerk: the operator here approving themself).
    for (const [username, code] of [
      ['admin', 'APPROVAL_INVALID'],
      ['zhangli', 'APPROVAL_SELF'],
    ] as const) {
      const approval = { username, password: 'demo1234' };
      const refused = await t.fails(
        'customers.changeStatus',
        { id: c.id, expectedVersion: 2, action: 'close', reason: '拆迁', approval },
        sid,
      );
      expect(refused.code).toBe(code);
    }
    const wrongPw = await t.fails(
      'customers.changeStatus',
      {
        id: c.id,
        expectedVersion: 2,
        action: 'close',
        reason: '拆迁',
        approval: { username: 'liuqiang', password: 'nope-nope' },
      },
      sid,
    );
    expect(wrongPw.code).toBe('APPROVAL_INVALID');
    expect(t.count('outbox')).toBe(before);

    const closed = await t.ok(
      'customers.changeStatus',
      {
        id: c.id,
        expectedVersion: 2,
        action: 'close',
        reason: '拆迁',
        approval: { username: 'liuqiang', password: 'demo1234' },
      },
      sid,
    );
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const resume = await t.fails(
      'customers.changeStatus',
      { id: c.id, expectedVersion: 3, action: 'resume', reason: '恢复' },
      sid,
    );
    expect(resume.code).toBe('ILLEGAL_STATUS_TRANSITION');

    const h = await t.ok('customers.history', { id: c.id }, sid);
    expect(h.items.map((i) => i.action)).toEqual([
      'customer.opened',
      'customer.suspended',
      'customer.closed',
    ]);
    expect(h.items[2]).toMatchObject({
      approver: { displayName: '刘强' },
      operator: { displayName: '张丽' },
      reason: '拆迁',
    });
    const op = t.app.gdb.sqlite
      .prepare("SELECT approver_id FROM outbox WHERE type = 'customer.closed'")
      .get() as { approver_id: string };
    expect(op.approver_id).toBeTruthy();
  });

  it('transfers an active account to a new owner with a new contract', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening(), sid);
    const newId = validResidentId('11010519491231002');
    const moved = await t.ok(
      'customers.transfer',
      {
        id: c.id,
        expectedVersion: 1,
        newOwner: { name: '李四', idNumber: newId, phone: '13900001111' },
        contract: { no: 'HT-2', signedOn: '2026-11-26' },
        reason: '房屋出售',
      },
      sid,
    );
    expect(moved).toMatchObject({
      name: '李四',
      idNumber: newId,
      accountNo: c.accountNo,
      contract: { no: 'HT-2' },
      status: 'active',
    });
    expect(moved.meters).toHaveLength(1);
    const h = await t.ok('customers.history', { id: c.id }, sid);
    expect(h.items[1]!.changes).toContainEqual({ field: 'name', before: '陈晓东', after: '李四' });
  });

  it('finds customers by account number, name, phone, ID number, two characters of the address and meter number', async () => {
    const t = await testCounter({ households: 30 });
    const sid = await t.login('wangfang');
    const clerk = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening(), clerk);
    const find = async (
      query: string,
      kind?: 'auto' | 'address' | 'name' | 'phone' | 'idNumber' | 'meterNo' | 'accountNo',
    ) => (await t.ok('customers.search', { query, kind }, sid)).items.map((i) => i.id);
    expect(await find(c.accountNo)).toContain(c.id);
    expect(await find('陈晓东', 'name')).toContain(c.id);
    expect(await find('13951234567')).toContain(c.id);
    expect(await find('0518-87654321', 'phone')).toContain(c.id);
    // Kept with its hyphen, the number is still found by its digits, typed either way.
    expect(await find('051887654321')).toContain(c.id);
    expect(await find('(0518) 8765-4321', 'phone')).toContain(c.id);
    // …and by its first digits past the area code, as a caller reads them out.
    expect(await find('0518876', 'phone')).toContain(c.id);
    expect(await find('0518-8765', 'phone')).toContain(c.id);
    expect(await find(validResidentId())).toContain(c.id);
    expect(await find('翠湖')).toEqual([c.id]);
    expect(await find('观邸', 'address')).toEqual([c.id]);
    expect(await find('湖观邸12栋')).toEqual([c.id]);
    expect(await find('jk2026112601')).toEqual([c.id]);
    expect(await find('翠湖', 'name')).toEqual([]);
    const summary = (await t.ok('customers.search', { query: c.accountNo }, sid)).items[0]!;
    expect(summary.idNumberMasked).toBe(
      `${validResidentId().slice(0, 6)}********${validResidentId().slice(-4)}`,
    );
    const many = await t.ok('customers.search', { query: '街道', limit: 10 }, sid);
    expect(many.items).toHaveLength(10);
    expect(many.truncated).toBe(true);
    const streets = t.app.gdb.sqlite.prepare(
      "SELECT count(*) FROM customers WHERE full_address LIKE '%街道%'",
    );
    expect(many.total).toBe(streets.pluck().get()); // the true count, not the page's
  });

  it('finds the digits a customer remembers, a room number, and a name with part of the address', async () => {
    const t = await testCounter({ households: 30 });
    const sid = await t.login('wangfang');
    const clerk = await t.login('zhangli');
    const c = await t.ok('customers.open', fullOpening({ meters: [] }), clerk); // 13951234567, 0518-87654321
    const other = await t.ok(
      'customers.open',
      fullOpening({
        name: '司马望舒',
        phone: '13800004567',
        altPhone: undefined,
        address: { district: '新浦街道', community: '望江花园', building: '3栋', room: '602' },
        meters: [],
        contract: { no: 'HT-S2', signedOn: '2026-11-26' },
      }),
      clerk,
    );
    const find = async (query: string) =>
      (await t.ok('customers.search', { query }, sid)).items.map((i) => i.id);
    expect(await find('4567')).toEqual(expect.arrayContaining([c.id, other.id])); // last four of either phone
    expect(await find('34567')).toEqual([c.id]); // a longer tail tells them apart
    expect(await find('87654321')).toEqual([c.id]); // the landline's number without its area code
    expect(await find('1502')).toContain(c.id); // the room
    expect(await find('602')).toContain(other.id);
    expect(await find('司马望舒 望江')).toEqual([other.id]); // name and a fragment of the address together
    expect(await find('陈晓东 望江')).toEqual([]);
    const r = await t.ok('customers.search', { query: '4567' }, sid);
    expect(r.total).toBe(r.items.length);
  });

  it('a cashier may look customers up but not open or change them', async () => {
    const t = await testCounter();
    const sid = await t.login('wangfang');
    expect((await t.fails('customers.open', fullOpening(), sid)).code).toBe('PERMISSION_DENIED');
    expect((await t.ok('customers.search', { query: '街道' }, sid)).items.length).toBeGreaterThan(0);
  });
});
