/**
 * A customer fetched from another hall is kept up to date (server/feed.ts ONE_HALL_AND_VISITS): a counter of hall
 * 0102 that fetched a customer of hall 0101 receives, on its normal pull, what hall 0101 did to that customer
 * afterwards — a sale (purchase count), an edit of the file, a card reported lost — for VISIT_WINDOW_DAYS after
 * its last fetch, and no longer after. Head office on PostgreSQL when it answers, PGlite otherwise; counters on
 * SQLite over real TCP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIT_WINDOW_DAYS } from '../../server/feed';
import { runSync } from '../../services/sync/run-sync';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { type Counter, household, importHalls, startCounter } from '../support/two-halls';

const A1 = household('0101', 1);
const A2 = household('0101', 2);
const B1 = household('0102', 1);

let ho: TestHeadOffice;
let home: Counter;
let visitor: Counter;

beforeAll(async () => {
  ho = await startHeadOffice();
  await importHalls(ho, [A1, A2, B1]);
  home = await startCounter(ho, '0101', '01');
  visitor = await startCounter(ho, '0102', '01');
}, 120_000);
afterAll(async () => {
  home?.close();
  visitor?.close();
  await ho?.close();
});

const local = (c: Counter, accountNo: string) =>
  c.app.gdb.sqlite.prepare('SELECT id FROM customers WHERE account_no = ?').pluck().get(accountNo) as
    | string
    | undefined;
const countOf = (c: Counter, customerId: string) =>
  c.app.gdb.sqlite
    .prepare('SELECT last_count FROM account_counts WHERE customer_id = ?')
    .pluck()
    .get(customerId);
const cardStatus = (c: Counter, cardNo: string) =>
  c.app.gdb.sqlite.prepare('SELECT status FROM cards WHERE card_no = ?').pluck().get(cardNo);

async function fetchAtVisitor(accountNo: string): Promise<string> {
  const [hit] = (await visitor.call('customers.lookupOtherHalls', { query: accountNo })).items;
  return (await visitor.call('customers.fetchOtherHall', { customerId: hit!.customerId })).id;
}

/** Hall 0101 sells purchase 8 on the household's card, edits its file and reports the card lost; then syncs. */
async function changeAtHome(h: typeof A1, notes: string): Promise<void> {
  const customerId = local(home, h.accountNo)!;
  await home.insertCard(h);
  const purchase = { customerId, by: 'volume' as const, volume: 1_000, useBalance: false };
  const q = await home.call('sales.quote', purchase);
  const sale = await home.call('sales.sellGas', {
    purchase,
    expectedAmountDue: q.amountDue,
    tenders: [{ method: 'cash', amount: q.amountDue }],
  });
  expect(sale.status).toBe('completed');
  const admin = await home.adminSession();
  const c = await home.call('customers.get', { id: customerId });
  await home.call(
    'customers.update',
    { id: customerId, expectedVersion: c.version, changes: { notes }, reason: '测试' } as never,
    admin,
  );
  await home.call('cards.reportLost', { customerId, reason: '测试挂失' }, admin);
  const synced = await runSync(home.app);
  expect([synced.ok, synced.quarantined]).toEqual([true, 0]);
}

describe("another hall's customer, fetched", () => {
  it("receives the home hall's later sale, edit and lost card on the visiting counter's next pull", async () => {
    const id = await fetchAtVisitor(A1.accountNo);
    expect(countOf(visitor, id)).toBe(7);
    expect(cardStatus(visitor, A1.cardNo)).toBe('active');
    // Nothing new yet: the visitor's pull brings nothing of A1.
    expect((await runSync(visitor.app)).ok).toBe(true);

    await changeAtHome(A1, '本厅改档');
    expect((await runSync(visitor.app)).ok).toBe(true);
    expect(countOf(visitor, id)).toBe(8);
    expect((await visitor.call('customers.get', { id })).notes).toBe('本厅改档');
    expect(cardStatus(visitor, A1.cardNo)).not.toBe('active');
    // Still the other hall's customer at the visitor.
    expect((await visitor.call('customers.get', { id })).otherHall).toEqual({
      code: '0101',
      name: '营业厅 0101',
    });
  });

  it(`is no longer followed ${VISIT_WINDOW_DAYS} days after the last fetch`, async () => {
    const id = await fetchAtVisitor(A2.accountNo);
    await ho.store.query(
      `UPDATE customer_visits SET last_at = now() - interval '${VISIT_WINDOW_DAYS + 1} days' WHERE customer_id = $1`,
      [id],
    );
    await changeAtHome(A2, '过期后改档');
    expect((await runSync(visitor.app)).ok).toBe(true);
    expect(countOf(visitor, id)).toBe(7);
    expect((await visitor.call('customers.get', { id })).notes).not.toBe('过期后改档');
    expect(cardStatus(visitor, A2.cardNo)).toBe('active');
  });
});
