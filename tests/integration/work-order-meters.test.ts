/**
 * 工单 and the meter: a work order opened from a meter alarm seen on a card read (the reading's meter, the
 * alarm named), one refused from a reading without an alarm; its result names the new meter only once 换表
 * was done through meters.change (the existing operation, not a copy), and enters the old meter in the
 * faulty-meter register.
 */
import { describe, expect, it } from 'vitest';
import { fullOpening } from '../fixtures/households';
import { buy, cashierWithShift, M3 } from '../fixtures/sales';
import { cardCounter } from '../support/cards';

const OLD = 'ALM-1';
const NEW = 'ALM-2';

describe('work orders and the meter', () => {
  it('opens from a low-battery alarm on a card read; 换表 first, then the result names the new meter', async () => {
    const t = await cardCounter();
    t.app.sessions.idleLockMinutes = 60 * 24;
    const sid = await cashierWithShift(t);
    const clerk = await t.login('zhangli');
    const c = await t.ok(
      'customers.open',
      fullOpening({ meters: [{ meterNo: OLD, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }] }),
      clerk,
    );
    const cardId = t.world.newCard().id;
    t.world.insert(cardId);
    await t.ok('cards.issue', { customerId: c.id }, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    // The customer loads the card into a meter whose battery is low, and brings the card back.
    t.world.remove();
    t.world.addMeter({ meterNo: OLD, region: 101, lowBattery: true });
    t.world.carryToMeter(cardId, OLD);
    t.world.insert(cardId);
    await t.ok('cards.read', {}, clerk);
    const reading = t.app.gdb.sqlite
      .prepare('SELECT id FROM meter_readings WHERE customer_id = ? ORDER BY read_at DESC LIMIT 1')
      .get(c.id) as { id: string };

    const w = await t.ok(
      'workOrders.open',
      { sourceType: 'alarm', sourceId: reading.id, kind: 'meter_change', description: '表具报警，上门检查' },
      clerk,
    );
    expect(w).toMatchObject({
      source: { type: 'alarm', id: reading.id, no: `表 ${OLD}` },
      party: { customerId: c.id },
      meterNo: OLD,
      description: '表具报警，上门检查（报警：电池电量低）',
    });
    await t.ok('workOrders.assign', { id: w.id, team: 'repair', assignee: '李师傅' }, clerk);

    // Before 换表, the new meter is not the customer's: refused, nothing written.
    const done = {
      id: w.id,
      result: '更换新表',
      newMeterNo: NEW,
      fault: { fault: 'battery' as const, action: 'replaced' as const },
    };
    const steps = t.count('work_order_steps');
    expect((await t.fails('workOrders.complete', done, clerk)).code).toBe('METER_NOT_CUSTOMERS');
    expect(t.count('work_order_steps')).toBe(steps);

    await t.ok(
      'meters.change',
      {
        customerId: c.id,
        oldMeterNo: OLD,
        finalRemaining: 7 * M3,
        newMeter: { meterNo: NEW, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
        reason: '表具电池欠压，换表',
      },
      clerk,
    );
    const completed = await t.ok('workOrders.complete', done, clerk);
    expect(completed).toMatchObject({
      status: 'completed',
      faults: [{ meterNo: OLD, fault: 'battery', action: 'replaced' }],
    });
    expect(completed.steps.at(-1)?.newMeterNo).toBe(NEW);
    // The meter change itself is the 换表 operation's, recorded once.
    expect(t.count("outbox WHERE type = 'meter.changed'")).toBe(1);
    const file = await t.ok('customers.get', { id: c.id }, clerk);
    expect(file.meters.map((m) => [m.meterNo, m.status])).toEqual([
      [OLD, 'removed'],
      [NEW, 'active'],
    ]);
    // A removed meter takes no new work order.
    expect(
      (
        await t.fails(
          'workOrders.open',
          { sourceType: 'alarm', sourceId: reading.id, kind: 'repair', description: '再查' },
          clerk,
        )
      ).code,
    ).toBe('METER_NOT_CUSTOMERS');
  });

  it('refuses a card read without an alarm as a source', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const clerk = await t.login('zhangli');
    const c = await t.ok(
      'customers.open',
      fullOpening({ meters: [{ meterNo: OLD, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }] }),
      clerk,
    );
    const cardId = t.world.newCard().id;
    t.world.insert(cardId);
    await t.ok('cards.issue', { customerId: c.id }, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    t.world.remove();
    t.world.addMeter({ meterNo: OLD, region: 101 });
    t.world.carryToMeter(cardId, OLD);
    t.world.insert(cardId);
    await t.ok('cards.read', {}, clerk);
    const reading = t.app.gdb.sqlite.prepare('SELECT id FROM meter_readings LIMIT 1').get() as { id: string };
    const e = await t.fails(
      'workOrders.open',
      { sourceType: 'alarm', sourceId: reading.id, kind: 'repair', description: '查' },
      clerk,
    );
    expect(e.issues).toEqual([
      { path: ['sourceId'], code: 'NO_ALARM', message: '这次读卡没有表具报警，不能据此开工单' },
    ]);
    expect(t.count('work_orders')).toBe(0);
  });
});
