/**
 * The fault matrix of the card write model (reliability.md 20): for a sale, a 补卡, a 补气, a 换表 carry and a
 * reversal's clear, the card is pulled at the first, middle and last byte of every write the operation sends
 * (and before it starts and once it is whole — every area boundary), then brought back and read. After each
 * cut: no paid sale without its gas on exactly one card or an explicit state; the count and cumulative on the
 * customer's card equal the completed purchases; the meter loads each purchase at most once (every card,
 * old ones included, carried to it). GASDESK_CARD_MATRIX=all cuts at every byte instead.
 */
import { describe, expect, it } from 'vitest';
import { buy, cashierWithShift, household, M3, SUPERVISOR } from '../fixtures/sales';
import { simulateCrashAt } from '../../drivers/failpoint';
import {
  cutPoints,
  type Expectations,
  expectInvariants,
  restartCounter,
  writesOf,
} from '../support/card-faults';
import { type CardCounter, cardCounter } from '../support/cards';

const EVERY = process.env.GASDESK_CARD_MATRIX === 'all';
const TIMEOUT = EVERY ? 3_600_000 : 600_000;

interface Case extends Expectations {
  op: () => Promise<unknown>;
  /** What the clerk does once the card is back, before the invariants are checked. */
  recover?: () => Promise<void>;
}

/** The counter under test and its sessions (renewed when a crash restarts it); `n` numbers each case's meters. */
interface Ctx {
  t: CardCounter;
  sid: string;
  clerk: string;
  n: number;
}

/** A customer with a card bound to meter `M<n>`, one purchase loaded and `unloaded` m³ still on the card. */
async function customer(x: Ctx, unloaded: number, meters: { meterNo: string }[] = []) {
  const { t, sid } = x;
  const meterNo = meters[0]?.meterNo ?? `M${x.n}`;
  const c = await household(t, {
    meters: meters.map((m) => ({ ...m, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' })),
  });
  if (t.world.slot) t.world.remove();
  const cardId = t.world.newCard().id;
  t.world.insert(cardId);
  await t.ok('cards.issue', { customerId: c.id }, sid);
  t.world.addMeter({ meterNo, region: 101 });
  await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
  t.world.remove();
  t.world.carryToMeter(cardId, meterNo);
  t.world.consume(meterNo, 4 * M3);
  t.world.carryToMeter(cardId, meterNo);
  t.world.insert(cardId);
  await t.ok('cards.read', {}, sid);
  const sale = unloaded > 0 ? await buy(t, sid, { customerId: c.id, by: 'volume', volume: unloaded }) : null;
  return { c, cardId, meterNo, sale };
}

const SCENARIOS: Record<string, (x: Ctx) => Promise<Case>> = {
  'a sale': async (x) => {
    const { c, cardId, meterNo } = await customer(x, 0);
    const op = () => buy(x.t, x.sid, { customerId: c.id, by: 'volume', volume: 7 * M3 });
    return { customerId: c.id, cardIds: [cardId], carryTo: meterNo, meters: [meterNo], op };
  },
  'a 补卡': async (x) => {
    const { t } = x;
    const { c, cardId, meterNo } = await customer(x, 6 * M3);
    await t.ok('cards.reportLost', { customerId: c.id, reason: '遗失' }, x.sid);
    t.world.remove();
    const fresh = t.world.newCard().id;
    t.world.insert(fresh);
    const op = () => t.ok('cards.replace', { customerId: c.id, reason: '补卡' }, x.sid);
    const recover = async () => {
      if (t.world.slot) t.world.remove();
      t.world.insert(fresh);
      const read = await t.ok('cards.read', {}, x.sid);
      // Cut before the new card was recorded: the clerk does the 补卡 again with the same card.
      if (read.state !== 'ok') await op();
    };
    return { customerId: c.id, cardIds: [fresh, cardId], carryTo: meterNo, meters: [meterNo], op, recover };
  },
  'a 补气': async (x) => {
    const { t } = x;
    const { c, cardId, meterNo, sale } = await customer(x, 6 * M3);
    const op = () =>
      t.ok('cards.topUp', { saleId: sale!.id, reason: '表具未装入', approval: SUPERVISOR }, x.sid);
    const e: Case = { customerId: c.id, cardIds: [cardId], carryTo: meterNo, meters: [meterNo], op };
    e.recover = async () => {
      // A top-up that reached the card replaced the sale's purchase there before any meter took it.
      const topped = t.app.gdb.sqlite
        .prepare("SELECT 1 FROM card_writes WHERE sale_id = ? AND kind = 'repeat' AND status = 'confirmed'")
        .get(sale!.id);
      if (t.world.slot) t.world.remove();
      t.world.insert(cardId);
      await t.ok('cards.read', {}, x.sid);
      const after = t.app.gdb.sqlite
        .prepare("SELECT 1 FROM card_writes WHERE sale_id = ? AND kind = 'repeat' AND status = 'confirmed'")
        .get(sale!.id);
      e.replacedBeforeLoading = topped || after ? 6 * M3 : 0;
    };
    return e;
  },
  'a 换表 carry': async (x) => {
    const { t } = x;
    const old = `OLD-${x.n}`;
    const neu = `NEW-${x.n}`;
    const { c, cardId } = await customer(x, 0, [{ meterNo: old }]);
    t.world.addMeter({ meterNo: neu, region: 101 });
    const op = () =>
      t.ok(
        'meters.change',
        {
          customerId: c.id,
          oldMeterNo: old,
          finalRemaining: 600,
          newMeter: { meterNo: neu, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
          reason: '旧表故障',
        },
        x.clerk,
      );
    return { customerId: c.id, cardIds: [cardId], carryTo: neu, meters: [old, neu], op };
  },
  'a reversal’s clear': async (x) => {
    const { t } = x;
    const { c, cardId, meterNo, sale } = await customer(x, 5 * M3);
    const op = () =>
      t.ok('cards.reverseSale', { saleId: sale!.id, reason: '收错款', approval: SUPERVISOR }, x.sid);
    return { customerId: c.id, cardIds: [cardId], carryTo: meterNo, meters: [meterNo], op };
  },
};

async function check(x: Ctx, name: string, what: string, e: Case) {
  if (e.recover) await e.recover();
  await expectInvariants(x.t, x.sid, e).catch((err: Error) => {
    err.message = `${name}, ${what}: ${err.message}`;
    throw err;
  });
}

describe('the card pulled at every write of every card operation', () => {
  for (const [name, setup] of Object.entries(SCENARIOS))
    it(`${name}: every cut leaves one provable outcome`, { timeout: TIMEOUT }, async () => {
      const t = await cardCounter();
      const x: Ctx = { t, sid: await cashierWithShift(t), clerk: await t.login('zhangli'), n: 0 };
      const next = () => {
        x.n++;
        return setup(x);
      };
      const dry = await next();
      const { writes } = await writesOf(t, dry.op);
      await check(x, name, 'no fault', dry);
      for (const [write, w] of writes.entries())
        for (const byte of cutPoints(w.length)) {
          const e = await next();
          t.world.setFaults({ cutAt: { write, byte } });
          await e.op().catch(() => {});
          t.world.reader.faults.cutAt = undefined;
          await check(x, name, `cut at write ${write} (${w.length} bytes at ${w.addr}) byte ${byte}`, e);
        }
    });
});

describe('the process killed at each failpoint of every card operation but the sale (card-crash.test.ts kills a sale)', () => {
  const POINTS = ['card:primary-written', 'card:issue-protected', 'card:issue-psc-changed'];
  for (const [name, setup] of Object.entries(SCENARIOS).filter(([n]) => n !== 'a sale'))
    it(`${name}: a restart and a read leave one provable outcome`, { timeout: TIMEOUT }, async () => {
      const t = await cardCounter();
      const x: Ctx = { t, sid: await cashierWithShift(t), clerk: await t.login('zhangli'), n: 0 };
      let crashes = 0;
      for (const point of POINTS) {
        x.n++;
        const e = await setup(x);
        simulateCrashAt(point);
        const crashed = await e.op().then(
          () => false,
          () => true,
        );
        simulateCrashAt(undefined);
        if (!crashed) continue; // the operation does not pass this point (only a 补卡 issues a card)
        crashes++;
        await restartCounter(t);
        x.sid = await t.login('wangfang');
        x.clerk = await t.login('zhangli');
        await check(x, name, `killed at ${point}`, e);
      }
      expect(crashes).toBe(name === 'a 补卡' ? POINTS.length : 1);
    });
});
