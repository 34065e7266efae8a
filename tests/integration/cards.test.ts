import { describe, expect, it } from 'vitest';
import { AREA, encodePurchase } from '../../core/card/gas-card';
import { M3, SUPERVISOR, buy, cashierWithShift, household } from '../fixtures/sales';
import { cardCounter, customerWithCard } from '../support/cards';

type T = Awaited<ReturnType<typeof cardCounter>>;

const onCard = (t: T, cardId: string) => t.world.view(cardId).record;
const carry = (t: T, cardId: string, meterNo = 'M1') => {
  t.world.remove();
  if (!t.world.state().meters.some((m) => m.meterNo === meterNo)) t.world.addMeter({ meterNo, region: 101 });
  const r = t.world.carryToMeter(cardId, meterNo);
  t.world.insert(cardId);
  return r;
};

describe('IC gas cards at the counter', () => {
  it('开户发卡 with opening gas, the meter loads it once, and 读卡 brings the readings home', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId, cardNo } = await customerWithCard(t, sid);
    expect(onCard(t, cardId)).toMatchObject({
      state: 'ok',
      header: { cardNo, accountNo: c.accountNo, kind: 'user' },
      purchase: null,
    });
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect(sale.status).toBe('completed');
    expect(sale.card).toEqual({ cardNo, purchaseCount: 1 });
    expect(onCard(t, cardId)).toMatchObject({ purchase: { count: 1, volume: 1000 }, pending: true });
    const op = t.app.gdb.sqlite
      .prepare("SELECT payload FROM outbox WHERE type = 'sale.cardWritten'")
      .get() as { payload: string };
    expect(JSON.parse(op.payload)).toMatchObject({ saleId: sale.id, cardNo, purchaseCount: 1 });
    expect(carry(t, cardId).outcome).toEqual({ result: 'loaded', volume: 1000, count: 1 });
    t.world.consume('M1', 8 * M3);
    t.world.remove();
    t.world.carryToMeter(cardId, 'M1'); // the meter writes its readings back
    t.world.insert(cardId);
    const read = await t.ok('cards.read', {}, sid);
    expect(read).toMatchObject({
      state: 'ok',
      customer: { id: c.id },
      card: { cardNo, purchaseCount: 1, pending: false },
      reading: { meterNo: 'M1', loadedCount: 1, remaining: 200, cumulativeUsed: 800 },
    });
    const list = await t.ok('cards.list', { customerId: c.id }, sid);
    expect(list.readings[0]).toMatchObject({ remaining: 200, cumulativeUsed: 800 });
    const h = await t.ok('customers.history', { id: c.id }, sid);
    expect(h.items.map((i) => i.action)).toEqual(expect.arrayContaining(['card.issued', 'meter.reading']));
  });

  it('refuses a sale, writing nothing, when the card is not ready', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 5 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    const attempt = () =>
      t.fails(
        'sales.sellGas',
        { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
        sid,
      );
    t.world.remove();
    const before = t.count('sales');
    expect((await attempt()).code).toBe('NO_CARD');
    const other = await customerWithCard(t, sid);
    expect((await attempt()).code).toBe('CARD_WRONG_CUSTOMER');
    t.world.remove();
    t.world.insert(cardId);
    await buy(t, sid, purchase);
    expect((await attempt()).code).toBe('CARD_GAS_PENDING'); // the last purchase is still on the card
    expect(t.count('sales')).toBe(before + 1);
    expect(other.cardNo).not.toBe('');
  });

  it('reverses a sale only while its gas is still on the card, clearing the card first', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 20 * M3 });
    expect(
      (await t.fails('sales.reverse', { saleId: sale.id, reason: '购错', approval: SUPERVISOR }, sid)).code,
    ).toBe('CARD_REQUIRED');
    const rev = await t.ok(
      'cards.reverseSale',
      { saleId: sale.id, reason: '用户购错气量', approval: SUPERVISOR },
      sid,
    );
    expect(rev).toMatchObject({ kind: 'reversal', correctsSaleId: sale.id, volume: -2000 });
    expect(onCard(t, cardId)).toMatchObject({ purchase: { count: 1, volume: 0 } });
    // A purchase with no gas loads nothing and leaves the meter's count alone.
    expect(carry(t, cardId).outcome).toEqual({ result: 'nothing-to-load' });
    const again = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 30 * M3 });
    expect(onCard(t, cardId)).toMatchObject({ purchase: { count: 2, volume: 3000 } });
    carry(t, cardId);
    expect(
      (await t.fails('cards.reverseSale', { saleId: again.id, reason: '晚了', approval: SUPERVISOR }, sid))
        .code,
    ).toBe('GAS_ALREADY_LOADED');
  });

  it('a copied card never loads twice', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 30 * M3 });
    const copy = t.world.copyCard(cardId).id;
    expect(carry(t, cardId).outcome.result).toBe('loaded');
    t.world.remove();
    expect(t.world.carryToMeter(copy, 'M1').outcome).toEqual({ result: 'nothing-to-load' });
    expect(t.world.state().meters[0]!.remaining).toBe(3000);
  });

  it('补卡 after a loss: the old card is blocked, the new one gets the count and the unloaded purchase once', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    carry(t, cardId);
    await t.ok('cards.read', {}, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 15 * M3 }); // lost before reaching the meter
    t.world.remove();
    await t.ok('cards.reportLost', { customerId: c.id, reason: '用户遗失' }, sid);
    const fresh = t.world.newCard().id;
    t.world.insert(fresh);
    const r = await t.ok('cards.replace', { customerId: c.id, reason: '遗失补卡' }, sid);
    expect(r.rewroteLastPurchase).toBe(true);
    expect(onCard(t, fresh)).toMatchObject({ purchase: { count: 2, volume: 1500 }, pending: true });
    expect(carry(t, fresh).outcome).toEqual({ result: 'loaded', volume: 1500, count: 2 });
    t.world.remove();
    // The old card found again: the meter has seen the replacement (a later generation) and refuses it.
    expect(t.world.carryToMeter(cardId, 'M1').outcome).toEqual({ result: 'refused', reason: 'replaced' });
    t.world.insert(cardId);
    expect((await t.ok('cards.read', {}, sid)).state).toBe('blocked');
    t.world.remove();
    t.world.insert(fresh);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 5 * M3 });
    // Each card shows the count it reached; the account's count is the new card's.
    const list = await t.ok('cards.list', { customerId: c.id }, sid);
    expect(list.cards.map((x) => [x.status, x.purchaseCount])).toEqual([
      ['lost', 2],
      ['active', 3],
    ]);
    expect(list.purchaseCount).toBe(3);
  });

  it('掉气补气: only the last purchase, once, with a supervisor', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 12 * M3 });
    expect((await t.fails('cards.topUp', { saleId: sale.id, reason: '表具故障未进气' }, sid)).code).toBe(
      'APPROVAL_REQUIRED',
    );
    const top = await t.ok(
      'cards.topUp',
      { saleId: sale.id, reason: '表具故障未进气', approval: SUPERVISOR },
      sid,
    );
    expect(top).toEqual({ purchaseCount: 2, volume: 1200 });
    expect(onCard(t, cardId)).toMatchObject({ purchase: { count: 2, volume: 1200 } });
    expect(
      (await t.fails('cards.topUp', { saleId: sale.id, reason: '再补', approval: SUPERVISOR }, sid)).code,
    ).toBe('TOPUP_NOT_ALLOWED');
  });

  it('换表 carries the old meter’s remaining gas to the new meter', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const clerk = await t.login('zhangli');
    const c = await t.ok(
      'customers.open',
      {
        ...(await import('../fixtures/households')).fullOpening({
          meters: [{ meterNo: 'OLD-1', maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
        }),
      },
      clerk,
    );
    const blank = t.world.newCard().id;
    t.world.insert(blank);
    await t.ok('cards.issue', { customerId: c.id }, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    carry(t, blank, 'OLD-1');
    t.world.consume('OLD-1', 3 * M3);
    const r = await t.ok(
      'meters.change',
      {
        customerId: c.id,
        oldMeterNo: 'OLD-1',
        finalRemaining: 700,
        newMeter: { meterNo: 'NEW-1', maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
        reason: '旧表故障',
      },
      clerk,
    );
    expect(r).toEqual({ purchaseCount: 2, carried: 700 });
    expect(carry(t, blank, 'NEW-1').outcome).toEqual({ result: 'loaded', volume: 700, count: 2 });
    const after = await t.ok('customers.get', { id: c.id }, clerk);
    expect(after.meters.map((m) => [m.meterNo, m.status])).toEqual([
      ['OLD-1', 'removed'],
      ['NEW-1', 'active'],
    ]);
  });

  it('says what a card is when it cannot be used', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const state = async () => (await t.ok('cards.read', {}, sid)).state;
    t.world.remove();
    expect(await state()).toBe('no_card');
    t.world.insert(t.world.newCard().id);
    expect(await state()).toBe('blank');
    t.world.remove();
    t.world.insert('foreign');
    expect(await state()).toBe('foreign'); // not an SLE4442 at all
    t.world.remove();
    const { cardId } = await customerWithCard(t, sid);
    const model = t.world.cardModel(cardId);
    // Damaged: both purchase areas valid but different (a card written elsewhere, or tampered with).
    model.main.set(
      encodePurchase({ count: 1, volume: 100, cumulative: 100, writtenAt: 1, counterCode: '010101' }),
      AREA.primary.start,
    );
    model.main.set(
      encodePurchase({ count: 2, volume: 900, cumulative: 1000, writtenAt: 1, counterCode: '010101' }),
      AREA.backup.start,
    );
    const damaged = await t.ok('cards.read', {}, sid);
    expect(damaged).toMatchObject({ state: 'damaged', message: expect.stringContaining('补卡') });
    // Locked: three wrong PSCs (made on the card itself — the counter never does this).
    model.main.set(model.main.slice(AREA.primary.start, AREA.primary.start + 32), AREA.backup.start);
    for (let i = 0; i < 3; i++) expect(() => model.verify(Uint8Array.of(0, 0, 0))).toThrow();
    expect(await state()).toBe('locked');
    const c = await household(t);
    t.world.remove();
    t.world.insert(t.world.newCard().id);
    await t.ok('cards.issue', { customerId: c.id }, sid);
    await t.ok('cards.reportLost', { customerId: c.id, reason: '遗失' }, sid);
    expect(await state()).toBe('blocked');
  });
});
