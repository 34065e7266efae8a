/**
 * Any hall serves any customer (issue #23 item 5), head office (PostgreSQL when it answers, PGlite otherwise) and
 * counters on SQLite over real TCP: a counter of hall 0102 finds a customer of hall 0101 at head office by
 * account, card, name and phone, fetches the file and card state, sells on the imported card (its count goes on
 * from 7 to 8), and head office accepts the sale and the card write; hall 0101's counter pulls the result. The
 * same purchase count sold at both halls is a purchase_count conflict, as between any two counters. The
 * customer's file stays hall 0101's: refused at the counter, FOREIGN_HALL at head office. Offline, the counter
 * says the card is another hall's and cannot be served. Under the company pull scope every counter pulls every
 * hall's customers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../services/sync/run-sync';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { type Counter, household, importHalls, startCounter } from '../support/two-halls';

const A1 = household('0101', 1);
const A2 = household('0101', 2);
const A3 = household('0101', 3);
const B1 = household('0102', 1);
/** A household of a hall this test never imports: its card is no counter's. */
const C1 = household('0103', 1);

let ho: TestHeadOffice | null = null;
let home: Counter;
let visitor: Counter;

beforeAll(async () => {
  ho = await startHeadOffice();
  await importHalls(ho, [A1, A2, A3, B1]);
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

describe('a customer of another hall, online', () => {
  it('is found at head office by account, card, name and phone, marked with its hall', async () => {
    expect(local(visitor, A1.accountNo)).toBeUndefined();
    expect((await visitor.call('customers.search', { query: A1.accountNo })).items).toEqual([]);
    for (const query of [A1.accountNo, A1.cardNo, A1.name]) {
      const found = await visitor.call('customers.lookupOtherHalls', { query });
      expect(found.items.map((c) => [c.accountNo, c.hallCode, c.hallName])).toEqual([
        [A1.accountNo, '0101', '营业厅 0101'],
      ]);
      expect(found.items[0]!.cardNos).toEqual([A1.cardNo]);
    }
    const byPhone = await visitor.call('customers.lookupOtherHalls', {
      query: (await visitor.call('customers.lookupOtherHalls', { query: A1.accountNo })).items[0]!.phone,
    });
    expect(byPhone.items.map((c) => c.accountNo)).toEqual([A1.accountNo]);
    // Its own hall's customers are the counter's own: head office lists only the other halls'.
    expect((await visitor.call('customers.lookupOtherHalls', { query: B1.accountNo })).items).toEqual([]);
  });

  it('is fetched with its balance, count and card, sold to on the imported card, and accepted at head office', async () => {
    const [hit] = (await visitor.call('customers.lookupOtherHalls', { query: A1.accountNo })).items;
    const file = await visitor.call('customers.fetchOtherHall', { customerId: hit!.customerId });
    expect(file.otherHall).toEqual({ code: '0101', name: '营业厅 0101' });
    expect(file.accountNo).toBe(A1.accountNo);
    expect((await visitor.call('customers.get', { id: file.id })).otherHall).toEqual(file.otherHall);
    expect(countOf(visitor, file.id)).toBe(7);

    const cardId = await visitor.insertCard(A1);
    const read = await visitor.call('cards.read', {});
    expect([read.state, read.customer?.accountNo, read.card?.purchaseCount]).toEqual(['ok', A1.accountNo, 7]);
    const purchase = { customerId: file.id, by: 'volume' as const, volume: 1_000, useBalance: false };
    const q = await visitor.call('sales.quote', purchase);
    const sale = await visitor.call('sales.sellGas', {
      purchase,
      expectedAmountDue: q.amountDue,
      tenders: [{ method: 'cash', amount: q.amountDue }],
    });
    expect(sale.status).toBe('completed');
    const onCard = visitor.world().view(cardId).record;
    expect(onCard.state === 'ok' && onCard.purchase?.count).toBe(8);

    const synced = await runSync(visitor.app);
    expect([synced.ok, synced.quarantined]).toEqual([true, 0]);
    const [held] = await ho!.store.query<{ purchase_count: number }>(
      'SELECT purchase_count FROM customers WHERE id = $1',
      [file.id],
    );
    expect(held?.purchase_count).toBe(8);
    const sales = await ho!.store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sales WHERE customer_id = $1',
      [file.id],
    );
    expect(sales[0]?.n).toBe(1);
  });

  it("reaches the customer's own hall through its normal pull", async () => {
    const id = local(home, A1.accountNo)!;
    expect(countOf(home, id)).toBe(7);
    expect((await runSync(home.app)).ok).toBe(true);
    expect(countOf(home, id)).toBe(8);
  });

  it('surfaces the same purchase count sold at both halls as a conflict, as between any two counters', async () => {
    const at8 = { ...A1, count: 8 };
    const sell = async (c: Counter) => {
      const purchase = {
        customerId: local(c, A1.accountNo)!,
        by: 'volume' as const,
        volume: 500,
        useBalance: false,
      };
      const q = await c.call('sales.quote', purchase);
      const sale = await c.call('sales.sellGas', {
        purchase,
        expectedAmountDue: q.amountDue,
        tenders: [{ method: 'cash', amount: q.amountDue }],
      });
      expect(sale.status).toBe('completed');
    };
    // Both counters sell purchase 9 before either hears of the other's.
    await home.insertCard(at8);
    await sell(home);
    await visitor.insertCard(at8);
    await sell(visitor);
    expect((await runSync(home.app)).ok).toBe(true);
    expect((await runSync(visitor.app)).ok).toBe(true);
    const conflicts = await ho!.store.query<{ kind: string; incoming_counter_id: string }>(
      'SELECT kind, incoming_counter_id FROM conflicts WHERE entity_id = $1',
      [local(home, A1.accountNo)],
    );
    expect(conflicts).toEqual([
      { kind: 'purchase_count', incoming_counter_id: visitor.app.counter()!.counterId },
    ]);
  });

  it('keeps the file with its hall: refused at the counter, FOREIGN_HALL at head office', async () => {
    const id = local(visitor, A1.accountNo)!;
    const c = await visitor.call('customers.get', { id });
    const change = {
      id,
      expectedVersion: c.version,
      changes: { notes: '外厅改档' },
      reason: '测试',
    };
    const admin = await visitor.adminSession();
    expect(await visitor.refused('customers.update', change as never, admin)).toBe('CUSTOMER_OF_OTHER_HALL');
    const lost = { customerId: id, reason: '外厅挂失' };
    expect(await visitor.refused('cards.reportLost', lost, admin)).toBe('CUSTOMER_OF_OTHER_HALL');
    // A counter that does not know (an older version) writes the edit: head office quarantines it.
    visitor.app.gdb.sqlite.prepare('DELETE FROM visiting_customers WHERE customer_id = ?').run(id);
    await visitor.call('customers.update', change as never, admin);
    await visitor.call('cards.reportLost', lost, admin);
    const synced = await runSync(visitor.app);
    expect([synced.ok, synced.quarantined]).toEqual([true, 2]);
    const held = await ho!.store.query<{ type: string; code: string }>(
      `SELECT type, code FROM quarantine WHERE counter_id = $1 ORDER BY seq`,
      [visitor.app.counter()!.counterId],
    );
    expect(held).toEqual([
      { type: 'customer.updated', code: 'FOREIGN_HALL' },
      { type: 'card.blocked', code: 'FOREIGN_HALL' },
    ]);
    // Head office still holds the card active: the home hall's counter pulls no block.
    const [card] = await ho!.store.query<{ status: string }>('SELECT status FROM cards WHERE card_no = $1', [
      A1.cardNo,
    ]);
    expect(card?.status).toBe('active');
  });
});

describe('the company pull scope', () => {
  it("gives every counter every hall's customers and cards from its next pull", async () => {
    expect(local(visitor, A2.accountNo)).toBeUndefined();
    expect((await ho!.admin('GET', '/admin/settings/pull-scope')).scope).toBe('hall');
    await ho!.admin('POST', '/admin/settings/pull-scope', { scope: 'company' });
    expect((await runSync(visitor.app)).ok).toBe(true);
    expect(local(visitor, A2.accountNo)).toBeDefined();
    expect(
      visitor.app.gdb.sqlite
        .prepare('SELECT customer_id FROM cards WHERE card_no = ?')
        .pluck()
        .get(A2.cardNo),
    ).toBe(local(visitor, A2.accountNo));
    await ho!.admin('POST', '/admin/settings/pull-scope', { scope: 'hall' });
  });
});

describe('a customer of another hall, offline', () => {
  it('is refused plainly: the search and the card say so, with a stable code', async () => {
    await ho!.close();
    ho = null;
    expect(await visitor.refused('customers.lookupOtherHalls', { query: A3.accountNo })).toBe(
      'OTHER_HALL_OFFLINE',
    );
    await visitor.insertCard(C1);
    const read = await visitor.call('cards.read', {});
    expect(read.state).toBe('other_hall');
    expect(read.message).toContain('0103');
    expect(read.message).toContain('不能为该用户办理');
  });
});
