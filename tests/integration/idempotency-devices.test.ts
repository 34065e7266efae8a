/**
 * One request, one effect, for the card operations (the training reader, a test double of the reference
 * reader in this process), the reader's setting, first-run setup and the session operations: as in
 * idempotency.test.ts, a repeat, three at once and a repeat after a crash between effect and answer.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA } from '../../core/card/gas-card';
import { WRITING_OPS } from '../../core/contract';
import { createDispatcher } from '../../services/api';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { fullOpening } from '../fixtures/households';
import { buy, cashierWithShift, M3, SUPERVISOR } from '../fixtures/sales';
import { testCounter } from '../support/app';
import { type CardCounter, cardCounter, customerWithCard, tearAt } from '../support/cards';
import { registerCounter, startHeadOffice } from '../support/head-office';
import { type Counter, household, importHalls, startCounter } from '../support/two-halls';
import { afterCrash, concurrent, type Effectful, effects, replayedInOrder } from '../support/idempotency';

const card = (t: unknown) => t as CardCounter;
let n = 0;

/** A household with its card in the reader and a purchase written onto it, and the cashier's session. */
async function withPurchase(t: CardCounter) {
  const sid = await t.login('wangfang');
  const { c, cardId } = await customerWithCard(t, sid);
  const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
  return { sid, c, cardId, sale };
}

const CARD_CASES: Effectful[] = [
  {
    op: 'cards.issue',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      const c = await t.ok(
        'customers.open',
        fullOpening({ meters: [], contract: { no: `HT-C${++n}`, signedOn: '2026-01-05' } }),
        await t.login('zhangli'),
      );
      t.world.remove();
      t.world.insert(t.world.newCard().id);
      return { input: { customerId: c.id }, sid };
    },
  },
  {
    op: 'cards.makeToolCard',
    prepare: async (u) => {
      const t = card(u);
      t.world.remove();
      t.world.insert(t.world.newCard().id);
      return { input: { kind: 'clear' }, sid: await t.login('liuqiang') };
    },
  },
  {
    op: 'cards.reportLost',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      t.world.remove();
      const { c } = await customerWithCard(t, sid);
      t.world.remove();
      return { input: { customerId: c.id, reason: '用户遗失' }, sid };
    },
  },
  {
    op: 'cards.replace',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      t.world.remove();
      const { c } = await customerWithCard(t, sid);
      t.world.remove();
      await t.ok('cards.reportLost', { customerId: c.id, reason: '用户遗失' }, sid);
      t.world.insert(t.world.newCard().id);
      return { input: { customerId: c.id, reason: '遗失补卡' }, sid };
    },
  },
  {
    op: 'cards.writeSale',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      t.world.remove();
      const { c, cardId } = await customerWithCard(t, sid);
      tearAt(t, AREA.primary.start, 9); // the card leaves the reader during the write: the sale waits
      const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
      expect(sale.status).toBe('pending_card_write');
      t.world.insert(cardId);
      await t.ok('cards.read', {}, sid); // settles the torn write as failed; writing it again is the retry
      return { input: { saleId: sale.id }, sid };
    },
  },
  {
    op: 'cards.topUp',
    prepare: async (u) => {
      const t = card(u);
      t.world.remove();
      const { sid, sale } = await withPurchase(t);
      return { input: { saleId: sale.id, reason: '表具故障未进气', approval: SUPERVISOR }, sid };
    },
  },
  {
    op: 'cards.reverseSale',
    prepare: async (u) => {
      const t = card(u);
      t.world.remove();
      const { sid, sale } = await withPurchase(t);
      return { input: { saleId: sale.id, reason: '用户购错气量', approval: SUPERVISOR }, sid };
    },
  },
  {
    op: 'meters.change',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      const clerk = await t.login('zhangli');
      const meterNo = `OLD-${++n}`;
      const c = await t.ok(
        'customers.open',
        fullOpening({
          meters: [{ meterNo, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
          contract: { no: `HT-M${n}`, signedOn: '2026-01-05' },
        }),
        clerk,
      );
      t.world.remove();
      t.world.insert(t.world.newCard().id);
      await t.ok('cards.issue', { customerId: c.id }, sid);
      return {
        input: {
          customerId: c.id,
          oldMeterNo: meterNo,
          finalRemaining: 0,
          newMeter: { meterNo: `NEW-${n}`, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
          reason: '旧表故障',
        },
        sid: clerk,
      };
    },
  },
  {
    op: 'meters.writeCarry',
    prepare: async (u) => {
      const t = card(u);
      const sid = await t.login('wangfang');
      const clerk = await t.login('zhangli');
      const meterNo = `OLD-${++n}`;
      const c = await t.ok(
        'customers.open',
        fullOpening({
          meters: [{ meterNo, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
          contract: { no: `HT-W${n}`, signedOn: '2026-01-05' },
        }),
        clerk,
      );
      t.world.remove();
      const cardId = t.world.newCard().id;
      t.world.insert(cardId);
      await t.ok('cards.issue', { customerId: c.id }, sid);
      // 换表 whose carry never reached the card (it left before the write): owed, written again by the op.
      t.world.reader.faults.pullBeforeNextWrite = true;
      const change = {
        customerId: c.id,
        oldMeterNo: meterNo,
        finalRemaining: 3 * M3,
        newMeter: { meterNo: `NEW-${n}`, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
        reason: '旧表故障',
      };
      expect((await t.fails('meters.change', change, clerk)).code).toBe('CARD_WRITE_UNCERTAIN');
      t.world.insert(cardId);
      await t.ok('cards.read', {}, clerk);
      return { input: { customerId: c.id }, sid: clerk };
    },
  },
  {
    op: 'cards.read',
    prepare: async (u) => {
      const t = card(u);
      t.world.remove();
      const { sid, cardId } = await withPurchase(t);
      // The card loads the meter, gas is used, and the meter writes its readings back onto the card:
      // reading the card brings them home.
      t.world.remove();
      const meterNo = `M${++n}`; // each household its own meter
      t.world.addMeter({ meterNo, region: 101 });
      t.world.carryToMeter(cardId, meterNo);
      t.world.consume(meterNo, M3);
      t.world.carryToMeter(cardId, meterNo);
      t.world.insert(cardId);
      return { input: {}, sid };
    },
  },
];

describe('one request, one effect: the card operations', () => {
  for (const c of CARD_CASES) {
    it(`${c.op}: a repeat, three at once, and a repeat after a crash each have one effect`, async () => {
      const t = await cardCounter();
      await cashierWithShift(t);
      const one = await replayedInOrder(t, c);
      await concurrent(t, c, one);
      await afterCrash(t, c, one);
    });
  }
});

describe('one request, one effect: the reader setting, first-run setup and sessions', () => {
  it('devices.configureReader', async () => {
    const t = await testCounter({ households: 1 });
    const c: Effectful = {
      op: 'devices.configureReader',
      prepare: async () => ({ input: { spec: null }, sid: await t.login('admin') }),
    };
    const one = await replayedInOrder(t, c);
    await concurrent(t, c, one);
    await afterCrash(t, c, one);
  });

  it('setup.initialize: a repeat answers the first setup, not ALREADY_SET_UP', async () => {
    const t = await testCounter({ demo: false });
    const input = {
      hallCode: '0201',
      hallName: '城东营业厅',
      counterCode: '03',
      counterName: '3号窗口',
      admin: { username: 'boss', displayName: '赵主任', password: 'a-long-pass' },
      requestId: randomUUID(),
    };
    const answers = await Promise.all([1, 2, 3].map(() => t.d.invoke('setup.initialize', input)));
    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers.slice(1)).toEqual([1, 2].map(() => ({ ...answers[0], replayed: true })));
    const after = effects(t);
    expect(await t.d.invoke('setup.initialize', input)).toEqual({ ...answers[0], replayed: true });
    expect(effects(t)).toEqual(after);
    expect(t.count('staff')).toBe(1);
    const other = await t.d.invoke('setup.initialize', { ...input, requestId: randomUUID() });
    expect(other).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('auth.login, auth.unlock and auth.logout: a repeat gets the same session, no second one', async () => {
    const t = await testCounter({ households: 1 });
    const login = { username: 'wangfang', password: DEMO_PASSWORD, requestId: randomUUID() };
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.d.invoke('auth.login', login)));
    expect(a).toMatchObject({ ok: true });
    expect([b, c]).toEqual([
      { ...a, replayed: true },
      { ...a, replayed: true },
    ]);
    const logins = () =>
      t.app.gdb.sqlite.prepare("SELECT count(*) FROM audit WHERE action = 'auth.login'").pluck().get();
    expect(logins()).toBe(1);
    expect(await t.d.invoke('auth.login', login)).toEqual({ ...a, replayed: true });
    expect(logins()).toBe(1);
    const sid = (a as { result: { sessionId: string } }).result.sessionId;
    await t.ok('auth.lock', {}, sid);
    const unlock = { password: DEMO_PASSWORD, requestId: randomUUID() };
    const u = await t.d.invoke('auth.unlock', unlock, { sessionId: sid });
    expect(await t.d.invoke('auth.unlock', unlock, { sessionId: sid })).toEqual({ ...u, replayed: true });
    const logout = { requestId: randomUUID() };
    const o = await t.d.invoke('auth.logout', logout, { sessionId: sid });
    expect(o).toMatchObject({ ok: true });
    expect(await t.d.invoke('auth.logout', logout, { sessionId: sid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
  });
});

describe('one request, one effect: serving another hall', () => {
  it('customers.fetchOtherHall: a repeat answers the first, without asking head office again', async () => {
    const ho = await startHeadOffice();
    const a1 = household('0101', 1);
    let visitor: Counter | undefined;
    try {
      await importHalls(ho, [a1, household('0102', 1)]);
      visitor = await startCounter(ho, '0102', '01');
      const [hit] = (await visitor.call('customers.lookupOtherHalls', { query: a1.accountNo })).items;
      const d = createDispatcher(visitor.app, () => {});
      const fetch = { customerId: hit!.customerId, requestId: randomUUID() };
      const first = await d.invoke('customers.fetchOtherHall', fetch, { sessionId: visitor.sessionId });
      expect(first).toMatchObject({ ok: true });
      expect(await d.invoke('customers.fetchOtherHall', fetch, { sessionId: visitor.sessionId })).toEqual({
        ...first,
        replayed: true,
      });
      const held = visitor.app.gdb.sqlite.prepare('SELECT count(*) FROM visiting_customers').pluck().get();
      expect(held).toBe(1);
      // Head office gave the file once: its visit was never stamped again.
      const [visit] = await ho.store.query<{ n: number; once: boolean }>(
        'SELECT count(*)::int AS n, bool_and(first_at = last_at) AS once FROM customer_visits',
      );
      expect(visit).toEqual({ n: 1, once: true });
    } finally {
      visitor?.close();
      await ho.close();
    }
  }, 120_000);
});

describe('every writing operation is covered', () => {
  it('each has its case in idempotency.test.ts, idempotency-field.test.ts or here', () => {
    const here = readFileSync(import.meta.filename, 'utf8');
    const there = readFileSync(join(import.meta.dirname, 'idempotency.test.ts'), 'utf8');
    const field = readFileSync(join(import.meta.dirname, 'idempotency-field.test.ts'), 'utf8');
    const named = new Set(
      [...`${here}\n${there}\n${field}`.matchAll(/(?:op: |invoke\()'([a-zA-Z]+\.[a-zA-Z]+)'/g)].map(
        (m) => m[1],
      ),
    );
    expect([...WRITING_OPS].filter((op) => !named.has(op))).toEqual([]);
  });
});

describe('one request, one effect: enrolment and sync with head office', () => {
  it('sync.enroll and sync.now: a repeat answers the first, talking to head office once', async () => {
    const ho = await startHeadOffice();
    try {
      const t = await testCounter({ households: 1 });
      const counter = t.app.counter()!;
      const code = await registerCounter(ho, counter.hallCode, counter.counterCode);
      const admin = await t.login('admin');
      const enroll = { server: ho.url, code, requestId: randomUUID() };
      const [a, b] = await Promise.all(
        [1, 2].map(() => t.d.invoke('sync.enroll', enroll, { sessionId: admin })),
      );
      expect(a).toMatchObject({ ok: true });
      expect(b).toEqual({ ...a, replayed: true });
      expect(await t.d.invoke('sync.enroll', enroll, { sessionId: admin })).toEqual({ ...a, replayed: true });

      const now = { requestId: randomUUID() };
      const first = await t.d.invoke('sync.now', now, { sessionId: admin });
      expect(first).toMatchObject({ ok: true });
      const nonces = async () =>
        (await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM nonces'))[0]!.n;
      const seen = await nonces();
      expect(await t.d.invoke('sync.now', now, { sessionId: admin })).toEqual({ ...first, replayed: true });
      expect(await nonces()).toBe(seen); // no second signed request reached head office
    } finally {
      await ho.close();
    }
  });
});
