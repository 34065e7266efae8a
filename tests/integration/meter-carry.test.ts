/**
 * 换表's carry (issue P3): a carry whose write fails is owed, never lost — the meter change stands, the file
 * shows the gas owed, and 换表结转重新写卡 (meters.writeCarry) puts it on the card once, under the next purchase
 * count, for the new meter to load once. A card that refused its PSC before is not presented a PSC again by
 * 换表, 补气 or 冲正 without a 班长's approval.
 */
import { describe, expect, it } from 'vitest';
import { fullOpening } from '../fixtures/households';
import { buy, cashierWithShift, M3, SUPERVISOR } from '../fixtures/sales';
import { type CardCounter, cardCounter } from '../support/cards';

const OLD = 'OLD-7';
const NEW = 'NEW-7';

/** A household with meter OLD-7, its card issued and in the reader; one purchase loaded into the meter. */
async function withMeter(t: CardCounter) {
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
  loadInto(t, cardId, OLD);
  return { sid, clerk, c, cardId };
}

/** The customer takes the card to the meter (added when new) and brings it back to the reader. */
function loadInto(t: CardCounter, cardId: string, meterNo: string) {
  t.world.remove();
  if (!t.world.state().meters.some((m) => m.meterNo === meterNo)) t.world.addMeter({ meterNo, region: 101 });
  const r = t.world.carryToMeter(cardId, meterNo);
  t.world.insert(cardId);
  return r;
}

const change = (customerId: string, extra: object = {}) => ({
  customerId,
  oldMeterNo: OLD,
  finalRemaining: 7 * M3,
  newMeter: { meterNo: NEW, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
  reason: '旧表故障',
  ...extra,
});

/** 换表 whose carry write is cut by the card leaving; the card comes back and is read: not written. */
async function failedCarry(t: CardCounter, clerk: string, customerId: string, cardId: string) {
  t.world.reader.faults.pullBeforeNextWrite = true;
  const cut = await t.fails('meters.change', change(customerId), clerk);
  expect(cut.code).toBe('CARD_WRITE_UNCERTAIN');
  t.world.insert(cardId);
  await t.ok('cards.read', {}, clerk);
}

describe('换表结转 that did not reach the card', () => {
  it('is owed on the file and written once by 换表结转重新写卡; the new meter loads it once', async () => {
    const t = await cardCounter();
    const { clerk, c, cardId } = await withMeter(t);
    await failedCarry(t, clerk, c.id, cardId);

    // The meter change stands; the gas is owed, not lost.
    const file = await t.ok('customers.get', { id: c.id }, clerk);
    expect(file.meters.map((m) => [m.meterNo, m.status])).toEqual([
      [OLD, 'removed'],
      [NEW, 'active'],
    ]);
    const owed = await t.ok('cards.list', { customerId: c.id }, clerk);
    expect(owed.owedCarry).toBe(7 * M3);
    expect(owed.purchaseCount).toBe(1); // the failed carry spent no count

    const r = await t.ok('meters.writeCarry', { customerId: c.id }, clerk);
    expect(r).toEqual({ purchaseCount: 2, carried: 7 * M3, stillOwed: 0 });
    expect((await t.ok('cards.list', { customerId: c.id }, clerk)).owedCarry).toBe(0);
    expect(loadInto(t, cardId, NEW).outcome).toEqual({ result: 'loaded', volume: 7 * M3, count: 2 });
    expect(loadInto(t, cardId, NEW).outcome).toEqual({ result: 'nothing-to-load' });

    const again = await t.fails('meters.writeCarry', { customerId: c.id }, clerk);
    expect(again.code).toBe('CARRY_NOT_OWED');
    expect(again.message).toMatch(/结转/);
    // The retry is in the ledger with what it retries, and the write's settlement with it.
    const ops = t.app.gdb.sqlite
      .prepare("SELECT type FROM outbox WHERE type IN ('meter.carryRetried', 'card.written') ORDER BY seq")
      .all() as { type: string }[];
    expect(ops.map((o) => o.type).slice(-2)).toEqual(['meter.carryRetried', 'card.written']);
  });

  it('a retry that fails leaves the carry owed, at the same count', async () => {
    const t = await cardCounter();
    const { clerk, c, cardId } = await withMeter(t);
    await failedCarry(t, clerk, c.id, cardId);
    t.world.reader.faults.pullBeforeNextWrite = true;
    expect((await t.fails('meters.writeCarry', { customerId: c.id }, clerk)).code).toBe(
      'CARD_WRITE_UNCERTAIN',
    );
    t.world.insert(cardId);
    await t.ok('cards.read', {}, clerk);
    expect((await t.ok('cards.list', { customerId: c.id }, clerk)).owedCarry).toBe(7 * M3);
    const r = await t.ok('meters.writeCarry', { customerId: c.id }, clerk);
    expect(r).toMatchObject({ purchaseCount: 2, carried: 7 * M3 });
  });
});

describe('a card flagged after refusing its PSC', () => {
  /** The card's PSC is changed behind the counter's back, a sale is refused (flagged), then put right. */
  async function flagged(t: CardCounter, sid: string, customerId: string, cardId: string) {
    t.world.cardFault(cardId, { wrongPsc: true });
    const q = await t.ok('sales.quote', { customerId, by: 'volume', volume: M3 }, sid);
    const refused = await t.fails(
      'sales.sellGas',
      {
        purchase: { customerId, by: 'volume', volume: M3 },
        expectedAmountDue: q.amountDue,
        tenders: [{ method: 'cash', amount: q.amountDue }],
      },
      sid,
    );
    expect(refused.code).toBe('CARD_PSC_WRONG');
    t.world.cardFault(cardId, { wrongPsc: true }); // changed back: the card is the counter's again
  }

  it('换表 with a carry is refused before anything is recorded; with a 班长’s approval it is done and the flag lifted', async () => {
    const t = await cardCounter();
    const { sid, clerk, c, cardId } = await withMeter(t);
    await flagged(t, sid, c.id, cardId);
    const tries = t.world.reader.verifyAttempts.length;

    const refused = await t.fails('meters.change', change(c.id), clerk);
    expect(refused.code).toBe('CARD_PSC_FLAGGED');
    expect(t.world.reader.verifyAttempts.length).toBe(tries);
    const file = await t.ok('customers.get', { id: c.id }, clerk);
    expect(file.meters.map((m) => m.meterNo)).toEqual([OLD]);

    const r = await t.ok('meters.change', change(c.id, { approval: SUPERVISOR }), clerk);
    expect(r).toEqual({ purchaseCount: 2, carried: 7 * M3 });
    expect(t.world.reader.verifyAttempts.length).toBe(tries + 1);
    const last = t.app.gdb.sqlite
      .prepare('SELECT outcome, approver_id AS approverId FROM card_psc_checks ORDER BY rowid DESC LIMIT 1')
      .get() as { outcome: string; approverId: string | null };
    expect(last.outcome).toBe('accepted');
    expect(last.approverId).not.toBeNull();
  });

  it('冲正 presents a card’s PSC only with the 班长 who approves it; a refusal flags the card', async () => {
    const t = await cardCounter();
    const { sid, c, cardId } = await withMeter(t);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 2 * M3 });
    t.world.cardFault(cardId, { wrongPsc: true });
    const tried = t.world.reader.verifyAttempts.length;
    // 冲正 with its 班长: the one attempt is made, refused by the card, and the card is flagged.
    const refused = await t.fails(
      'cards.reverseSale',
      { saleId: sale.id, reason: '用户购错气量', approval: SUPERVISOR },
      sid,
    );
    expect(refused.code).toBe('CARD_WRITE_FAILED');
    expect(t.world.reader.verifyAttempts.length).toBe(tried + 1);
    const flags = t.app.gdb.sqlite
      .prepare("SELECT count(*) AS n FROM card_psc_checks WHERE outcome = 'refused'")
      .get() as { n: number };
    expect(flags.n).toBe(1);
  });
});
