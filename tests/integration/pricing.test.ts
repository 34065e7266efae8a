import { describe, expect, it } from 'vitest';
import { cashierWithShift, household, M3, SUPERVISOR, saleWrites, setDate } from '../fixtures/sales';
import { testCounter } from '../support/app';

const residential2027 = {
  userClass: 'residential' as const,
  effectiveFrom: '2026-12-01',
  baseHouseholdSize: 4,
  periodStart: '01-01',
  tiers: [
    { width: 400 * M3, priceLi: 2900, extraPerPerson: 100 * M3 },
    { width: 600 * M3, priceLi: 3480, extraPerPerson: 150 * M3 },
    { width: null, priceLi: 4350 },
  ],
  note: '2026 年 12 月调价',
};

describe('price versions (气价版本)', () => {
  it('lists the demo prices and creates an approved, dated version that takes effect on its date', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const listed = (await t.ok('prices.list', {}, admin)).items;
    expect(listed.map((v) => [v.userClass, v.effectiveFrom, v.tiers.map((x) => x.priceLi)])).toEqual([
      ['commercial', '2026-01-01', [3600]],
      ['industrial', '2026-01-01', [3400]],
      ['public_welfare', '2026-01-01', [2900]],
      ['residential', '2026-01-01', [2750, 3300, 4125]],
    ]);

    const cashier = await t.login('wangfang');
    const before = saleWrites(t);
    const noApproval = await t.fails('prices.create', { version: residential2027 }, admin);
    expect(noApproval.code).toBe('APPROVAL_REQUIRED');
    const notAdmin = await t.fails(
      'prices.create',
      { version: residential2027, approval: SUPERVISOR },
      cashier,
    );
    expect(notAdmin.code).toBe('PERMISSION_DENIED');
    const retro = await t.fails(
      'prices.create',
      { version: { ...residential2027, effectiveFrom: '2026-11-25' }, approval: SUPERVISOR },
      admin,
    );
    expect(retro.code).toBe('PRICE_RETROACTIVE');
    const overlap = await t.fails(
      'prices.create',
      { version: { ...residential2027, effectiveFrom: '2026-01-01' }, approval: SUPERVISOR },
      admin,
    );
    // 2026-01-01 is also in the past: the retroactive rule answers first.
    expect(overlap.code).toBe('PRICE_RETROACTIVE');
    const openLast = await t.fails(
      'prices.create',
      {
        version: {
          ...residential2027,
          tiers: [
            { width: null, priceLi: 2900 },
            { width: 100, priceLi: 3000 },
          ],
        },
        approval: SUPERVISOR,
      },
      admin,
    );
    expect(openLast.issues?.map((i) => i.code)).toEqual(['REQUIRED', 'LAST_TIER_OPEN']);
    expect(saleWrites(t)).toEqual(before);

    const v = await t.ok('prices.create', { version: residential2027, approval: SUPERVISOR }, admin);
    expect(v).toMatchObject({
      userClass: 'residential',
      effectiveFrom: '2026-12-01',
      note: '2026 年 12 月调价',
    });
    const op = t.app.gdb.sqlite
      .prepare(
        'SELECT o.type, s.username FROM outbox o JOIN staff s ON s.id = o.approver_id WHERE o.entity_id = ?',
      )
      .get(v.id);
    expect(op).toEqual({ type: 'price.created', username: 'liuqiang' });
    const same = await t.fails('prices.create', { version: residential2027, approval: SUPERVISOR }, admin);
    expect(same.code).toBe('PRICE_VERSION_OVERLAP');
    // Today is allowed (not before the business day).
    await t.ok(
      'prices.create',
      {
        version: { ...residential2027, userClass: 'commercial', effectiveFrom: '2026-11-26' },
        approval: SUPERVISOR,
      },
      admin,
    );

    // Append-only: the table refuses edits and deletes.
    expect(() => t.app.gdb.sqlite.prepare('UPDATE price_versions SET note = ?').run('x')).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM price_versions').run()).toThrow(/append-only/);

    // The version in effect on a date is the latest starting on or before it.
    const c = await household(t, { householdSize: 4 });
    const ten = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
    setDate(t, '2026-11-30');
    let sid = await t.login('wangfang');
    expect(await t.ok('sales.quote', ten, sid)).toMatchObject({
      amount: 2750,
      priceVersionId: listed[3]!.id,
    });
    setDate(t, '2026-12-01');
    sid = await t.login('wangfang');
    expect(await t.ok('sales.quote', ten, sid)).toMatchObject({ amount: 2900, priceVersionId: v.id });
    // Before any version started: NO_PRICE.
    setDate(t, '2025-12-31');
    sid = await t.login('wangfang');
    expect((await t.fails('sales.quote', ten, sid)).code).toBe('NO_PRICE');
  });
});

describe('purchase limits and the fee catalogue', () => {
  it('saves limits per class (null = none) as audited ledger operations, used by the next quote', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const limits = (await t.ok('limits.list', {}, admin)).items;
    expect(limits).toContainEqual({
      userClass: 'residential',
      perPurchase: 300 * M3,
      perMonth: 500 * M3,
      perYear: 2000 * M3,
    });
    expect(limits).toContainEqual({
      userClass: 'commercial',
      perPurchase: null,
      perMonth: null,
      perYear: null,
    });

    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    const q = (m3: number) => t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: m3 * M3 }, sid);
    expect((await q(350)).approvalReasons.map((r) => r.code)).toEqual(['PER_PURCHASE']);

    const before = t.count('outbox');
    await t.ok(
      'limits.save',
      { userClass: 'residential', perPurchase: null, perMonth: 500 * M3, perYear: null },
      admin,
    );
    expect(t.count('outbox')).toBe(before + 1);
    const audit = t.app.gdb.sqlite
      .prepare("SELECT changes FROM audit WHERE action = 'limits.saved' ORDER BY rowid DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toEqual([
      { field: 'perPurchase', before: 30000, after: null },
      { field: 'perYear', before: 200000, after: null },
    ]);
    expect((await q(350)).approvalReasons).toEqual([]);
    const same = await t.fails(
      'limits.save',
      { userClass: 'residential', perPurchase: null, perMonth: 500 * M3, perYear: null },
      admin,
    );
    expect(same.code).toBe('NOTHING_CHANGED');
    expect(
      (
        await t.fails(
          'limits.save',
          { userClass: 'residential', perPurchase: 0, perMonth: null, perYear: null },
          admin,
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await t.fails(
          'limits.save',
          { userClass: 'commercial', perPurchase: 1, perMonth: null, perYear: null },
          sid,
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
  });

  it('keeps the fee catalogue: create, change (audited before → after), deactivate, refuse duplicate codes', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const items = (await t.ok('fees.list', {}, admin)).items;
    expect(items.map((f) => [f.code, f.name, f.amountFen])).toEqual([
      ['CARD_REPLACEMENT', '补卡', 2000],
      ['CONNECTION', '初装费', 280000],
      ['HEATER_INSTALL', '安装热水器', 12000],
      ['METER_CHANGE', '换表', 15000],
      ['REROUTE', '改管线', 30000],
      ['SHORTEN', '缩短管线', 20000],
    ]);
    const created = await t.ok('fees.save', { code: 'ALARM', name: '安装报警器', amountFen: 35000 }, admin);
    expect(created).toMatchObject({ code: 'ALARM', active: true });
    const changed = await t.ok('fees.save', { ...created, amountFen: 38000 }, admin);
    expect(changed.amountFen).toBe(38000);
    const audit = t.app.gdb.sqlite
      .prepare("SELECT changes FROM audit WHERE action = 'fee.changed' AND entity_id = ?")
      .pluck()
      .get(created.id) as string;
    expect(JSON.parse(audit)).toEqual([{ field: 'amountFen', before: 35000, after: 38000 }]);
    await t.ok('fees.save', { ...changed, active: false }, admin);
    expect((await t.ok('fees.list', {}, admin)).items.map((f) => f.code)).not.toContain('ALARM');
    expect((await t.ok('fees.list', { includeInactive: true }, admin)).items.map((f) => f.code)).toContain(
      'ALARM',
    );

    const before = saleWrites(t);
    const dup = await t.fails('fees.save', { code: 'CONNECTION', name: '重复', amountFen: 1 }, admin);
    expect(dup).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['code'], code: 'DUPLICATE_CODE' }],
    });
    const negative = await t.fails('fees.save', { code: 'X1', name: '负数', amountFen: -1 }, admin);
    expect(negative.code).toBe('VALIDATION_FAILED');
    const unchanged = await t.fails('fees.save', { ...changed, active: false }, admin);
    expect(unchanged.code).toBe('NOTHING_CHANGED');
    expect(saleWrites(t)).toEqual(before);
    expect(
      t.app.gdb.sqlite
        .prepare('SELECT type FROM outbox WHERE entity_id = ? ORDER BY seq')
        .pluck()
        .all(created.id),
    ).toEqual(['fee.created', 'fee.changed', 'fee.changed']);
  });
});
