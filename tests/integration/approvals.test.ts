import { describe, expect, it } from 'vitest';
import { AREA } from '../../core/card/gas-card';
import { contract } from '../../core/contract';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { fullOpening } from '../fixtures/households';
import { buy, cash, cashierWithShift, household, M3, SUPERVISOR, saleWrites } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';
import { cardCounter, tearAt } from '../support/cards';
import { withRequestId } from '../support/request-id';

/** Someone who holds every role, 班长 included: each operation below is theirs to do, none theirs to approve. */
const BOSS = {
  username: 'boss',
  displayName: '全能',
  roles: ['clerk', 'cashier', 'supervisor', 'admin'] as const,
};
const SELF = { username: BOSS.username, password: DEMO_PASSWORD };

async function bossWithShift(t: TestCounter): Promise<string> {
  const admin = await t.login('admin');
  await t.ok('staff.create', { ...BOSS, roles: [...BOSS.roles], password: DEMO_PASSWORD }, admin);
  return cashierWithShift(t, BOSS.username);
}

/** Opens a household, issues its card and leaves it in the training reader. */
async function withCard(t: Awaited<ReturnType<typeof cardCounter>>, sid: string) {
  const c = await household(t);
  t.world.insert(t.world.newCard().id);
  await t.ok('cards.issue', { customerId: c.id }, sid);
  return c;
}

/** 换表 of `oldMeterNo` carrying 3 m³ to a new meter. */
const meterChange = (customerId: string, oldMeterNo: string) => ({
  customerId,
  oldMeterNo,
  finalRemaining: 3 * M3,
  newMeter: { meterNo: `N${oldMeterNo}`, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
  reason: '旧表故障',
});

/** The card refuses its PSC once (a sale is refused: the card is flagged), then the 班长 puts it right. */
async function flag(
  t: Awaited<ReturnType<typeof cardCounter>>,
  sid: string,
  customerId: string,
  cardId: string,
) {
  t.world.cardFault(cardId, { wrongPsc: true });
  const purchase = { customerId, by: 'volume' as const, volume: M3 };
  const q = await t.ok('sales.quote', purchase, sid);
  const input = { purchase, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] };
  expect((await t.fails('sales.sellGas', input, sid)).code).toBe('CARD_PSC_WRONG');
  t.world.cardFault(cardId, { wrongPsc: true }); // changed back
}

async function withFlaggedCard(t: Awaited<ReturnType<typeof cardCounter>>, sid: string, meterNo: string) {
  const c = await household(t, { meters: [{ meterNo, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }] });
  const cardId = t.world.newCard().id;
  t.world.insert(cardId);
  await t.ok('cards.issue', { customerId: c.id }, sid);
  await flag(t, sid, c.id, cardId);
  return c;
}

type Approval = typeof SUPERVISOR;
/** Every operation that takes an approval: how to reach it, given the approval to send. */
const OPERATIONS: Record<
  string,
  { cards?: true; prepare(t: never, sid: string): Promise<(a: Approval) => [string, unknown]> }
> = {
  'sales.sellGas': {
    async prepare(t: TestCounter, sid) {
      const purchase = { customerId: (await household(t)).id, by: 'volume' as const, volume: 450 * M3 };
      const q = await t.ok('sales.quote', purchase, sid);
      expect(q.approvalReasons.map((r) => r.code)).toEqual(['PER_PURCHASE']);
      const input = { purchase, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] };
      return (approval) => ['sales.sellGas', { ...input, approval }];
    },
  },
  'sales.reverse': {
    async prepare(t: TestCounter, sid) {
      const sale = await buy(t, sid, { customerId: (await household(t)).id, by: 'volume', volume: 10 * M3 });
      return (approval) => ['sales.reverse', { saleId: sale.id, reason: '购错', approval }];
    },
  },
  'sales.refund': {
    async prepare(t: TestCounter, sid) {
      const fee = (await t.ok('fees.list', {}, sid)).items[0]!;
      const paid = await t.ok(
        'sales.payFees',
        {
          lines: [{ feeItemId: fee.id, qty: 1 }],
          expectedAmountDue: fee.amountFen,
          tenders: [cash(fee.amountFen)],
        },
        sid,
      );
      const input = {
        saleId: paid.id,
        amount: fee.amountFen,
        tenders: [cash(fee.amountFen)],
        reason: '未施工',
      };
      return (approval) => ['sales.refund', { ...input, approval }];
    },
  },
  'customers.changeStatus': {
    async prepare(t: TestCounter) {
      const c = await household(t);
      const input = { id: c.id, expectedVersion: c.version, action: 'close', reason: '拆迁' };
      return (approval) => ['customers.changeStatus', { ...input, approval }];
    },
  },
  'prices.create': {
    async prepare() {
      const version = {
        userClass: 'residential',
        effectiveFrom: '2026-12-01',
        baseHouseholdSize: 4,
        periodStart: '01-01',
        tiers: [{ width: null, priceLi: 3000 }],
        note: '调价',
      };
      return (approval) => ['prices.create', { version, approval }];
    },
  },
  'shifts.close': {
    async prepare() {
      // The shift opened with 500.00 in the drawer; 50.00 is missing, above the tolerance of 10.00.
      const input = { counted: 450_00, note: '短款五十元' };
      return (approval) => ['shifts.close', { ...input, approval }];
    },
  },
  'cards.reverseSale': {
    cards: true,
    async prepare(t: Awaited<ReturnType<typeof cardCounter>>, sid) {
      const c = await withCard(t, sid);
      const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
      return (approval) => ['cards.reverseSale', { saleId: sale.id, reason: '购错', approval }];
    },
  },
  'cards.writeSale': {
    cards: true,
    // A paid sale whose write failed, on a card that then refused its PSC once (flagged); the 班长 checked the
    // card (its PSC is the counter's again) and approves one more try.
    async prepare(t: Awaited<ReturnType<typeof cardCounter>>, sid) {
      const c = await withCard(t, sid);
      const cardId = t.world.slot!;
      tearAt(t, AREA.primary.start, 9);
      const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
      t.world.insert(cardId);
      const { card } = await t.ok('cards.read', {}, sid);
      t.world.cardFault(cardId, { wrongPsc: true });
      expect((await t.fails('cards.writeSale', { saleId: sale.id }, sid)).code).toBe('CARD_PSC_WRONG');
      const sle = t.world.cardModel(cardId);
      sle.verify(Uint8Array.from(sle.snapshot().psc));
      sle.changePsc(t.app.cardStation!.keys.pscFor(card!.cardNo));
      return (approval) => ['cards.writeSale', { saleId: sale.id, approval }];
    },
  },
  'meters.change': {
    cards: true,
    // A card flagged after refusing its PSC (put right by the 班长): 换表's carry presents it only with an approval.
    async prepare(t: Awaited<ReturnType<typeof cardCounter>>, sid) {
      const c = await withFlaggedCard(t, sid, 'OLD-A1');
      return (approval) => ['meters.change', { ...meterChange(c.id, 'OLD-A1'), approval }];
    },
  },
  'meters.writeCarry': {
    cards: true,
    // A 换表 whose carry never reached the card is owed; the card is then flagged; writing it needs the 班长.
    async prepare(t: Awaited<ReturnType<typeof cardCounter>>, sid) {
      const c = await household(t, {
        meters: [{ meterNo: 'OLD-A2', maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
      });
      const cardId = t.world.newCard().id;
      t.world.insert(cardId);
      await t.ok('cards.issue', { customerId: c.id }, sid);
      t.world.reader.faults.pullBeforeNextWrite = true;
      expect((await t.fails('meters.change', meterChange(c.id, 'OLD-A2'), sid)).code).toBe(
        'CARD_WRITE_UNCERTAIN',
      );
      t.world.insert(cardId);
      await flag(t, sid, c.id, cardId);
      return (approval) => ['meters.writeCarry', { customerId: c.id, approval }];
    },
  },
  'cards.topUp': {
    cards: true,
    async prepare(t: Awaited<ReturnType<typeof cardCounter>>, sid) {
      const c = await withCard(t, sid);
      const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
      return (approval) => ['cards.topUp', { saleId: sale.id, reason: '表具故障未进气', approval }];
    },
  },
};

describe('approval by a second person (审批须另一位班长)', () => {
  it('the table below names every operation that takes an approval', () => {
    const taking = Object.entries(contract)
      .filter(([, d]) => 'shape' in d.input && 'approval' in (d.input.shape as object))
      .map(([name]) => name);
    expect(taking.sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const [name, op] of Object.entries(OPERATIONS))
    it(`${name}: the operator's own approval is refused, another 班长's accepted`, async () => {
      const t = op.cards ? await cardCounter() : await testCounter();
      const sid = await bossWithShift(t);
      const call = await op.prepare(t as never, sid);
      const before = saleWrites(t);
      const [opName, selfInput] = call(SELF);
      const refused = await t.fails(opName, selfInput, sid);
      expect(refused).toMatchObject({
        code: 'APPROVAL_SELF',
        message: '审批须由另一位班长办理，不能审批自己的业务。',
      });
      expect(saleWrites(t)).toEqual(before); // nothing written, not even an audit entry
      // The same name in other letters is the same person.
      const [, shouted] = call({ ...SELF, username: 'BOSS' });
      expect((await t.fails(opName, shouted, sid)).code).toBe('APPROVAL_SELF');
      const [, other] = call(SUPERVISOR);
      const r = await t.d.invoke(opName, withRequestId(opName, other), { sessionId: sid });
      expect(r.ok ? 'ok' : r.error).toBe('ok');
    });

  it('the administrator approves nothing; a 客服员 who is also 收费员 sells but does not approve', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const one = {
      username: 'xiaomei',
      displayName: '小梅',
      roles: ['cashier' as const, 'clerk' as const],
      password: DEMO_PASSWORD,
    };
    expect(await t.ok('staff.create', one, admin)).toMatchObject({ roles: ['clerk', 'cashier'] });
    const sid = await cashierWithShift(t, 'xiaomei');
    const me = await t.ok('auth.me', {}, sid);
    expect(me.staff.roles).toEqual(['clerk', 'cashier']);
    // Both roles' work at the one window: opening an account (客服员) and selling (收费员).
    const opening = fullOpening({ meters: [], contract: { no: 'HT-XM1', signedOn: '2026-01-05' } });
    const c = await t.ok('customers.open', opening, sid);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect(sale).toMatchObject({ kind: 'gas', operator: { displayName: '小梅' } });
    const cashier = await cashierWithShift(t);
    const other = await buy(t, cashier, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    const reverse = (username: string) =>
      t.fails(
        'sales.reverse',
        { saleId: other.id, reason: '购错', approval: { username, password: DEMO_PASSWORD } },
        cashier,
      );
    expect((await reverse('xiaomei')).code).toBe('APPROVAL_INVALID');
    expect((await reverse('admin')).code).toBe('APPROVAL_INVALID');
    // Nor may they do what none of their roles may (the administrator's work).
    expect((await t.fails('staff.list', {}, sid)).code).toBe('PERMISSION_DENIED');
    expect((await t.fails('prices.create', { version: {}, approval: SELF }, sid)).code).toBe(
      'PERMISSION_DENIED',
    );
    await t.ok('sales.reverse', { saleId: other.id, reason: '购错', approval: SUPERVISOR }, cashier);
  });
});
