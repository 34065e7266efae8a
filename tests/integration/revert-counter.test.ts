/**
 * A compromised counter reverted by head office (reliability.md 16): once an administrator has revoked it,
 * everything it applied from a given sequence number on is undone as correcting entries — fields it changed
 * go back unless a later change replaced them (reported as left), a card it blocked is active again, a balance
 * it moved moves back, a file and a card it made are closed and blocked, a sale it recorded gets a correcting
 * sale — nothing is deleted, the hall's counters pull the result, and the same request twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { runReport } from '../../server/reports/run';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile, gasSale, openShift } from '../sim/payloads';
import { publishDemoCatalogue, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';

let ho: TestHeadOffice;
let honest: ScriptedCounter;
let rogue: ScriptedCounter;
let slot: string;
/** The first of the rogue counter's operations to revert. */
let since: number;
const rand = mulberry32(99);
const day = '2026-03-02';
const C = uuidv7(Date.now());
const K = '0101010000000001';
const E = uuidv7(Date.now());
const at = (c: ScriptedCounter) => new Date(c.clockMs).toISOString();
const file = customerFile(rand, 1, C, '010101000001', new Date().toISOString());
const bogus = customerFile(rand, 2, E, '010102000002', new Date().toISOString());
let saleId: string;

const change = (version: number, changes: Record<string, unknown>, reason: string) =>
  op('customer.updated', {
    id: C,
    version,
    changes,
    reason,
    customer: { ...file, ...changes, version },
  });

beforeAll(async () => {
  ho = await startHeadOffice();
  const pv = (await publishDemoCatalogue(ho)).residential;
  honest = await ScriptedCounter.enroll(ho, '0101', '01');
  rogue = await ScriptedCounter.enroll(ho, '0101', '02');
  await honest.push([
    op('customer.opened', file),
    op('card.issued', { customerId: C, cardNo: K, formatId: 'ref-v1', region: 101 }),
  ]);
  const shift = uuidv7(Date.now());
  const before = await rogue.push([op('shift.opened', openShift(shift, rogue.operatorId, day, at(rogue)))]);
  since = before.ackedSeq + 1;
  saleId = uuidv7(Date.now());
  const r = await rogue.push([
    change(2, { householdSize: 9 }, '伪造'),
    change(3, { householdSize: 9, phone: '13000000000' }, '伪造'),
    op('card.blocked', { customerId: C, cardNo: K, status: 'lost', reason: '伪造挂失' }),
    op(
      'sale.gasSold',
      gasSale({
        id: saleId,
        receiptNo: 'R-1',
        customerId: C,
        shiftId: shift,
        operatorId: rogue.operatorId,
        priceVersionId: pv,
        businessDate: day,
        at: at(rogue),
        volume: 1_000,
        balanceAdded: 5_000,
      }),
    ),
    op('customer.opened', bogus),
    op('card.issued', { customerId: E, cardNo: '0101020000000001', formatId: 'ref-v1', region: 101 }),
  ]);
  expect(r).toMatchObject({ applied: 6, quarantined: [] });
  // The rogue sale's 10 m³ count in the household's gas use, as every counter's tiers read it.
  const [use] = await ho.store.query<{ g: Record<string, Record<string, number>> }>(
    'SELECT gas_use_by AS g FROM customers WHERE id = $1',
    [C],
  );
  expect(use!.g).toEqual({ [rogue.counterId]: { [day]: 1_000 } });
  // The honest counter changes the phone again afterwards: that change must survive the revert.
  honest.clockMs = rogue.clockMs + 10_000; // later than the rogue's change: it wins the phone (last writer)
  await honest.push([change(4, { phone: '13900000009' }, '用户来电')]);
  const list = await ho.admin('GET', '/admin/counters');
  slot = list.counters.find((c: { counterId: string }) => c.counterId === rogue.counterId).slotId;
}, 60_000);
afterAll(async () => ho?.close());

const revert = (requestId: string) =>
  fetch(`${ho.url}/admin/counters/${slot}/revert`, {
    method: 'POST',
    headers: { authorization: `Bearer test-admin-token-0123456789`, 'content-type': 'application/json' },
    body: JSON.stringify({ sinceSeq: since, reason: '柜台电脑被盗用', by: '稽核张', requestId }),
  });

describe('reverting a compromised counter', () => {
  it('is refused while the counter is still active', async () => {
    const r = await revert('req-active-0001');
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({
      code: 'COUNTER_NOT_REVOKED',
      message: expect.stringMatching(/停用/),
    });
  });

  it('undoes what it applied since the sequence number, as correcting entries, and leaves later changes', async () => {
    await ho.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '柜台电脑被盗用' });
    const opsBefore = (await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM ops'))[0]!.n;
    const r = await revert('req-revert-0001');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { reverted: { type: string; corrected: string[]; left: string[] }[] };
    expect(body.reverted.map((x) => x.type)).toEqual([
      'card.issued',
      'customer.opened',
      'sale.gasSold',
      'card.blocked',
      'customer.updated',
      'customer.updated',
    ]);
    expect(body.reverted.flatMap((x) => x.left)).toEqual([expect.stringMatching(/phone 已被后来的修改取代/)]);
    const [c] = await ho.store.query<{
      data: { householdSize: number; phone: string };
      balance: number;
      gas_use_by: Record<string, unknown>;
    }>('SELECT data, balance, gas_use_by FROM customers WHERE id = $1', [C]);
    expect(c).toMatchObject({
      data: { householdSize: file.householdSize, phone: '13900000009' },
      balance: 0,
    });
    expect(c!.gas_use_by).toEqual({}); // the rogue sale's gas taken back out of the household's use
    const cards = await ho.store.query<{ card_no: string; status: string }>(
      'SELECT card_no, status FROM cards ORDER BY card_no',
    );
    expect(cards).toEqual([
      { card_no: K, status: 'active' },
      { card_no: '0101020000000001', status: 'lost' },
    ]);
    const [e] = await ho.store.query<{ status: string }>(
      "SELECT data->>'status' AS status FROM customers WHERE id = $1",
      [E],
    );
    expect(e!.status).toBe('closed');
    // Nothing deleted: the ops and the sale are still there, with a correcting sale of the opposite figures.
    expect((await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM ops'))[0]!.n).toBe(opsBefore);
    const sales = await ho.store.query<{
      kind: string;
      amount_paid: number;
      corrects_sale_id: string | null;
    }>('SELECT kind, amount_paid, corrects_sale_id FROM sales ORDER BY kind');
    expect(sales).toHaveLength(2);
    expect(sales[0]).toMatchObject({ kind: 'correction', corrects_sale_id: saleId });
    expect(sales[0]!.amount_paid).toBe(-sales[1]!.amount_paid);
  });

  it('takes the reverted sale out of the hall’s reports and shows head office’s correction', async () => {
    const period = { period: 'day', date: day, hall: '0101' } as const;
    const gas = await runReport(ho.store, 'gas', period, Date.now());
    const table = (r: typeof gas, key: string) => r.tables.find((t) => t.key === key)!.rows;
    // Only the rogue counter sold that day: once reverted, no gas, no money taken, no tier.
    expect(table(gas, 'byClass').filter((r) => r.count !== 0 || r.volume !== 0 || r.amount !== 0)).toEqual(
      [],
    );
    expect(table(gas, 'byTier').filter((r) => r.volume !== 0 || r.amount !== 0)).toEqual([]);
    expect(table(gas, 'byTender').filter((r) => r.count !== 0 || r.taken !== 0)).toEqual([]);
    const corrections = await runReport(ho.store, 'corrections', period, Date.now());
    const [sale] = await ho.store.query<{ amount_paid: number }>(
      `SELECT amount_paid::int FROM sales WHERE kind = 'correction'`,
    );
    expect(table(corrections, 'items').find((r) => r.item === '总部冲回')).toEqual({
      item: '总部冲回',
      count: 1,
      amount: sale!.amount_paid,
    });
  });

  it('reaches the hall’s counters, and lists the reverted operations', async () => {
    const feed = await honest.pull();
    const published = feed.find((x) => x.kind === 'customer' && x.key === C)!.data;
    expect(published).toMatchObject({ householdSize: file.householdSize, phone: '13900000009', balance: 0 });
    expect(published.gasUseBy).toEqual({});
    expect(feed.find((x) => x.kind === 'card' && x.key === K)!.data).toMatchObject({ status: 'active' });
    const list = await ho.admin('GET', `/admin/counters/${slot}/ops?since=${since}`);
    expect(list.ops).toHaveLength(6);
    for (const o of list.ops)
      expect(o.reverted).toMatchObject({ by: '稽核张', requestId: 'req-revert-0001' });
  });

  it('answers the same request again with the same result, changing nothing', async () => {
    const r = await revert('req-revert-0001');
    expect(((await r.json()) as { reverted: unknown[] }).reverted).toHaveLength(6);
    expect((await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM sales'))[0]!.n).toBe(2);
    expect((await ho.store.query<{ n: number }>('SELECT count(*)::int AS n FROM reversions'))[0]!.n).toBe(6);
  });
});
