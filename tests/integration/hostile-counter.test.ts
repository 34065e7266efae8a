/**
 * A hostile counter at head office (issue P1, reliability.md 16): a counter of hall 0202 with a stolen but
 * valid device key sends signed, correctly chained operations that forge money, reach into hall 0101, or
 * claim a time from the future. Each is quarantined with its reason, nothing of it reaches hall 0101's
 * counters, and the honest counter's next operations, and the hostile counter's own honest ones, still apply.
 * On PGlite always, and on PostgreSQL when it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../core/contract';
import { uuidv7 } from '../../core/ids';
import { sliceAmount } from '../../core/pricing';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile, gasSale, openShift, TIER1_LI } from '../sim/payloads';
import { publishDemoCatalogue, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';

const DATABASES = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

describe.each(DATABASES)('a hostile counter at head office (%s)', (db) => {
  let ho: TestHeadOffice;
  let pv: string;
  /** The honest counter of hall 0101, and its customer, card and shift. */
  let honest: ScriptedCounter;
  /** The hostile counter of hall 0202 with its own customer, card and shift. */
  let hostile: ScriptedCounter;
  const day = '2026-03-02';
  const rand = mulberry32(16);
  const ids = {
    victim: uuidv7(Date.now()),
    victimCard: '0101010000000001',
    honestShift: uuidv7(Date.now()),
    own: uuidv7(Date.now()),
    ownCard: '0202010000000001',
    hostileShift: uuidv7(Date.now()),
  };
  /** The two files, as their counters opened them. */
  let victim: Customer;
  let own: Customer;
  const at = (c: ScriptedCounter) => new Date(c.clockMs).toISOString();
  /** A phone change of a file, its snapshot after the change included. */
  const phoneChange = (file: Customer, phone: string, reason: string) =>
    op('customer.updated', {
      id: file.id,
      version: 2,
      changes: { phone },
      reason,
      customer: { ...file, phone, version: 2 },
    });
  const sale = (c: ScriptedCounter, customerId: string, shiftId: string, volume = 1_000) =>
    gasSale({
      id: uuidv7(Date.now()),
      receiptNo: `R-${Math.floor(rand() * 1e9)}`,
      customerId,
      shiftId,
      operatorId: c.operatorId,
      priceVersionId: pv,
      businessDate: day,
      at: at(c),
      volume,
    });

  beforeAll(async () => {
    ho = await startHeadOffice({ pglite: db === 'pglite' });
    pv = (await publishDemoCatalogue(ho)).residential;
    honest = await ScriptedCounter.enroll(ho, '0101', '01');
    hostile = await ScriptedCounter.enroll(ho, '0202', '01');
    victim = customerFile(rand, 1, ids.victim, '010101000001', at(honest));
    await honest.push([
      op('customer.opened', victim),
      op('card.issued', { customerId: ids.victim, cardNo: ids.victimCard, formatId: 'ref-v1', region: 101 }),
      op('shift.opened', openShift(ids.honestShift, honest.operatorId, day, at(honest))),
    ]);
    own = customerFile(rand, 2, ids.own, '020201000001', at(hostile));
    const setup = await hostile.push([
      op('customer.opened', own),
      op('card.issued', { customerId: ids.own, cardNo: ids.ownCard, formatId: 'ref-v1', region: 202 }),
      op('shift.opened', openShift(ids.hostileShift, hostile.operatorId, day, at(hostile))),
    ]);
    expect(setup.quarantined).toEqual([]);
  }, 60_000);
  afterAll(async () => ho?.close());

  it('quarantines every forgery with its reason, and applies the honest operations around them', async () => {
    const fair = sale(hostile, ids.victim, ids.hostileShift);
    const cheap = sale(hostile, ids.own, ids.hostileShift);
    const r = await hostile.push([
      // Hall 0101's customer credited 50,000 元 for 0.01 元 — the sum is wrong, and the hall is not its own.
      {
        type: 'sale.gasSold',
        forged: true,
        entityId: fair.id,
        payload: { ...fair, balanceAdded: 5_000_000, amountPaid: 1 },
      },
      // The same customer, with figures that add up: still another hall's.
      op('sale.gasSold', { ...fair, id: uuidv7(Date.now()) }),
      {
        type: 'sale.gasSold',
        forged: true,
        entityId: 'k',
        payload: { ...cheap, id: 'k', kind: 'free-money' },
      },
      {
        type: 'sale.gasSold',
        forged: true,
        entityId: 'neg',
        payload: {
          ...cheap,
          id: 'neg',
          amount: -500,
          amountPaid: -500,
          lines: [{ ...cheap.lines[0]!, amount: -500 }],
          tenders: [{ ...cheap.tenders[0]!, amount: -500 }],
        },
      },
      {
        type: 'sale.gasSold',
        forged: true,
        entityId: 'sum',
        payload: { ...cheap, id: 'sum', lines: [{ ...cheap.lines[0]!, amount: 1 }] },
      },
      // A tier price below head office's: 10 m³ for 0.01 元 a m³, the figures adding up.
      {
        type: 'sale.gasSold',
        forged: true,
        entityId: 'price',
        payload: (() => {
          const amount = sliceAmount(1_000, 1);
          return {
            ...cheap,
            id: 'price',
            amount,
            amountPaid: amount,
            lines: [{ ...cheap.lines[0]!, priceLi: 1, amount }],
            tenders: [{ ...cheap.tenders[0]!, amount }],
          };
        })(),
      },
      // In the honest counter's shift.
      op('sale.gasSold', { ...sale(hostile, ids.own, ids.honestShift), id: uuidv7(Date.now()) }),
      // Hall 0101's card blocked, hall 0101's customer renamed.
      op('card.blocked', {
        customerId: ids.victim,
        cardNo: ids.victimCard,
        status: 'lost',
        reason: '伪造挂失',
      }),
      phoneChange(victim, '13000000000', '伪造修改'),
      // Its own customer changed an hour ahead of the request: it would win every merge.
      { ...phoneChange(own, '13100000000', '未来修改'), atMs: Date.now() + 3_600_000 },
      // Purchase counts on its own card: 2, then 1.
      op('card.written', {
        cardNo: ids.ownCard,
        kind: 'purchase',
        purchaseCount: 2,
        volume: 1_000,
        saleId: null,
        reason: null,
      }),
      op('card.written', {
        cardNo: ids.ownCard,
        kind: 'purchase',
        purchaseCount: 1,
        volume: 1_000,
        saleId: null,
        reason: null,
      }),
      // And an honest sale of its own after all that: applied.
      op('sale.gasSold', cheap),
    ]);
    const codes = r.quarantined.map((q) => q.code);
    expect(codes).toEqual([
      'PAYLOAD_INVALID', // sum of the forged credit
      'FOREIGN_HALL',
      'PAYLOAD_INVALID', // unknown kind
      'PAYLOAD_INVALID', // negative amounts
      'PAYLOAD_INVALID', // lines do not sum
      'PRICE_MISMATCH',
      'UNKNOWN_SHIFT',
      'FOREIGN_HALL', // card block
      'FOREIGN_HALL', // customer change
      'FUTURE_TIME',
      'PURCHASE_COUNT_BACKWARDS',
    ]);
    for (const q of r.quarantined) expect(q.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(r.applied).toBe(2); // the first purchase count, and the honest sale
    expect(r.ackedSeq).toBe(r.chained.at(-1)!.seq);
  });

  it('lets nothing of it reach hall 0101: its customer, card and balance are as the honest counter left them', async () => {
    const feed = await honest.pull();
    const entry = feed.find((e) => e.kind === 'customer' && e.key === ids.victim)!;
    expect(entry.data).toMatchObject({ balance: 0, phone: victim.phone, name: victim.name });
    expect(feed.find((e) => e.kind === 'card' && e.key === ids.victimCard)!.data).toMatchObject({
      status: 'active',
    });
    expect(feed.some((e) => e.key === ids.own || e.key === ids.ownCard)).toBe(false);
    const [held] = await ho.store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sales WHERE customer_id = $1',
      [ids.victim],
    );
    expect(held!.n).toBe(0);
  });

  it('refuses an approval given by the operator themself', async () => {
    const self = { ...sale(hostile, ids.own, ids.hostileShift), approverId: hostile.operatorId };
    const r = await hostile.push([op('sale.gasSold', self, { approverId: hostile.operatorId })]);
    expect(r.quarantined.map((q) => q.code)).toEqual(['SELF_APPROVED']);
    const [held] = await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM sales WHERE id = $1', [
      self.id,
    ]);
    expect(held!.n).toBe(0);
  });

  it('still applies the honest counter’s next operations', async () => {
    const s = sale(honest, ids.victim, ids.honestShift);
    const r = await honest.push([
      op('sale.gasSold', s),
      op('sale.cardWritten', {
        saleId: s.id,
        status: 'completed',
        reason: null,
        cardNo: ids.victimCard,
        purchaseCount: 1,
      }),
    ]);
    expect(r).toMatchObject({ applied: 2, quarantined: [] });
    const [row] = await ho.store.query<{ status: string; amount_paid: number }>(
      'SELECT status, amount_paid FROM sales WHERE id = $1',
      [s.id],
    );
    expect(row).toEqual({ status: 'completed', amount_paid: sliceAmount(1_000, TIER1_LI) });
  });
});
