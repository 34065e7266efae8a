/**
 * Money, gas and cards across counters at head office (reliability.md 3 and 10): a purchase count claimed by
 * two counters, a card used after head office knew it lost, a second active card for one account, a balance
 * spent twice — each becomes a conflict record, never a silent overwrite; and a card blocked at head office
 * reaches the counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { WireOp } from '../../core/sync/wire';
import { GENESIS_HASH } from '../../core/sync/canonical';
import { enrollDevice } from '../sim/bench-push';
import { SimCounter } from '../sim/sim-counter';
import { sliceAmount } from '../../core/pricing';
import { gasSale, openShift as shiftOpened, TIER1_LI } from '../sim/payloads';
import { chainOps } from '../sim/synthetic-ops';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { signed } from '../support/signed';

type Dev = Awaited<ReturnType<typeof enrollDevice>> & {
  head: { seq: number; hash: string };
  shiftId: string;
};
let ho: TestHeadOffice;
/** Head office's residential price version: tier 1 at TIER1_LI. */
let pv: string;
let a: Dev;
let b: Dev;
let t = Date.now() - 86_400_000;
const customerId = '0190f000-0000-7000-8000-0000000000c1';

async function push(
  dev: Dev,
  ops: { type: string; entityType?: string; entityId?: string; payload: unknown }[],
) {
  const chained: WireOp[] = chainOps(
    ops.map((o) => {
      t += 1_000;
      return {
        id: uuidv7(t),
        type: o.type,
        entityType: o.entityType ?? 'customer',
        entityId: o.entityId ?? customerId,
        payload: JSON.stringify({ v: 2, ...(o.payload as object) }),
        operatorId: 'op',
        approverId: null,
        hlc: `${String(t).padStart(15, '0')}-00000-${dev.counterId.slice(-12)}`,
        createdAt: new Date(t).toISOString(),
      };
    }),
    dev.counterId,
    dev.head,
  );
  const r = await signed(ho.url, dev, 'POST', '/v1/push', { ops: chained });
  expect(r.status).toBe(200);
  dev.head = { seq: chained.at(-1)!.seq, hash: chained.at(-1)!.hash };
  return { ...(r.body as { conflicts: number; quarantined: { code: string }[] }), chained };
}

const written = (cardNo: string, purchaseCount: number) => ({
  type: 'card.written',
  entityType: 'card',
  entityId: cardNo,
  payload: { cardNo, kind: 'purchase', purchaseCount, volume: 1_000, saleId: null, reason: null },
});
/** 10 m³ in tier 1 of head office's price version. */
const AMOUNT = sliceAmount(1_000, TIER1_LI);
/** A gas sale of 10 m³ at `dev`'s counter, in its shift, leaving or using a balance (结余). */
const sale = (
  dev: Dev,
  id: string,
  balanceUsed: number,
  balanceAdded: number,
  more: Record<string, unknown> = {},
) => ({
  type: 'sale.gasSold',
  entityType: 'sale',
  entityId: id,
  payload: {
    ...gasSale({
      id,
      receiptNo: `R-${id.slice(-4)}`,
      customerId,
      shiftId: dev.shiftId,
      operatorId: 'op',
      priceVersionId: pv,
      businessDate: '2026-03-02',
      at: new Date(t).toISOString(),
      volume: 1_000,
      balanceUsed,
      balanceAdded,
    }),
    ...more,
  },
});
const outcome = (saleId: string, status: string) => ({
  type: status === 'completed' ? 'sale.cardWritten' : 'sale.cardWriteFailed',
  entityType: 'sale',
  entityId: saleId,
  payload: { saleId, status, reason: null },
});
/** Opens `dev`'s shift (a sale names its counter's own shift). */
const openShift = (dev: Dev) => ({
  type: 'shift.opened',
  entityType: 'shift',
  entityId: dev.shiftId,
  payload: shiftOpened(dev.shiftId, 'op', '2026-03-02', new Date(t).toISOString()),
});
const conflicts = async () =>
  (await ho.admin('GET', '/admin/conflicts?status=all')).conflicts as {
    kind: string;
    field: string;
    entityId: string;
  }[];

beforeAll(async () => {
  ho = await startHeadOffice();
  pv = (await publishDemoCatalogue(ho)).residential;
  const device = async (code: string) => ({
    ...(await enrollDevice(ho, '0101', code)),
    head: { seq: 0, hash: GENESIS_HASH },
    shiftId: uuidv7(t),
  });
  a = await device('01');
  b = await device('02');
  await push(b, [openShift(b)]);
  const now = new Date(t).toISOString();
  await push(a, [
    {
      type: 'customer.opened',
      payload: {
        id: customerId,
        accountNo: '010101000001',
        name: '周敏',
        idNumber: null,
        creditCode: null,
        phone: '13812345678',
        altPhone: null,
        address: { district: '虞山街道', community: '阳光花园', building: '1栋', unit: null, room: '101' },
        fullAddress: '虞山街道阳光花园1栋101',
        userClass: 'residential',
        householdSize: 3,
        inspection: { status: 'normal', date: null },
        contract: { no: 'HT1', signedOn: '2026-01-01' },
        documents: { connectionFeeInvoiceNo: 'FP1', registrationFormChecked: true },
        status: 'active',
        statusChangedAt: now,
        openedAt: now,
        closedAt: null,
        notes: null,
        version: 1,
        meters: [],
      },
    },
    {
      type: 'card.issued',
      payload: { customerId, cardNo: '0101010000000001', formatId: 'ref-v1', region: 101 },
    },
    openShift(a),
  ]);
});
afterAll(async () => ho?.close());

describe('cards and money across counters', () => {
  it('takes purchase counts in turn, and makes a conflict of a count two counters both wrote', async () => {
    expect((await push(a, [written('0101010000000001', 1), written('0101010000000001', 2)])).conflicts).toBe(
      0,
    );
    expect((await push(b, [written('0101010000000001', 2)])).conflicts).toBe(1);
    expect(await conflicts()).toMatchObject([
      { kind: 'purchase_count', field: 'purchaseCount', entityId: customerId },
    ]);
    expect(
      (await ho.store.query<{ purchase_count: number }>('SELECT purchase_count FROM customers'))[0]!
        .purchase_count,
    ).toBe(2);
  });

  it('makes a conflict of a card used after head office knew it lost (and blocks it everywhere)', async () => {
    const card = await ho.admin('POST', '/admin/cards/0101010000000001/block', { reason: '用户挂失' });
    expect(card.status).toBe('lost');
    t = Date.now(); // the next purchase on it happens after head office blocked it
    expect((await push(b, [written('0101010000000001', 3)])).conflicts).toBe(1);
    expect((await conflicts()).map((c) => c.kind)).toContain('blocked_card_used');
  });

  it('makes a conflict of a second active card for one account from another counter', async () => {
    await push(b, [
      {
        type: 'card.issued',
        payload: { customerId, cardNo: '0101020000000001', formatId: 'ref-v1', region: 101 },
      },
    ]);
    expect(
      (
        await push(a, [
          {
            type: 'card.issued',
            payload: { customerId, cardNo: '0101010000000002', formatId: 'ref-v1', region: 101 },
          },
        ])
      ).conflicts,
    ).toBe(1);
    expect((await conflicts()).map((c) => c.kind)).toContain('card_issued_twice');
  });

  it('makes a conflict of a balance spent that head office never saw added', async () => {
    expect((await push(a, [sale(a, uuidv7(t + 1), 0, 55), sale(a, uuidv7(t + 2), 55, 0)])).conflicts).toBe(0);
    expect((await push(b, [sale(b, uuidv7(t + 3), 40, 0)])).conflicts).toBe(1);
    expect((await conflicts()).map((c) => c.kind)).toContain('balance');
  });

  it('stores a batch’s sales once, with an outcome from the same batch, and quarantines one that does not fit', async () => {
    const [x, y, z] = [uuidv7(t + 11), uuidv7(t + 12), uuidv7(t + 13)];
    const tender = {
      lineNo: 1,
      method: 'cash',
      amount: AMOUNT,
      received: 5_000,
      change: 5_000 - AMOUNT,
      reference: null,
    };
    const first = await push(a, [
      sale(a, x, 0, 0, { tenders: [tender] }),
      outcome(x, 'completed'),
      sale(a, y, 0, 0, { tenders: [tender] }),
      sale(a, z, 0, 0, { amount: '30.50' }),
    ]);
    expect(first.quarantined.map((q) => q.code)).toEqual(['PAYLOAD_INVALID']);
    const status = async () =>
      Object.fromEntries(
        (
          await ho.store.query<{ id: string; status: string }>(
            'SELECT id, status FROM sales WHERE id = ANY($1)',
            [[x, y, z]],
          )
        ).map((r) => [r.id, r.status]),
      );
    expect(await status()).toEqual({ [x]: 'completed', [y]: 'pending_card_write' });
    const rows = async () =>
      (
        await ho.store.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM sale_lines WHERE sale_id = ANY($1))::int
                + (SELECT count(*) FROM sale_tenders WHERE sale_id = ANY($1))::int AS n`,
          [[x, y, z]],
        )
      )[0]!.n;
    expect(await rows()).toBe(4);
    // Every column as the payload carried it (the rows go to PostgreSQL column by column).
    const [stored] = await ho.store.query('SELECT * FROM sales WHERE id = $1', [y]);
    const p = JSON.parse(first.chained.find((o) => o.entityId === y)!.payload);
    expect(stored).toMatchObject({
      id: y,
      counter_id: a.counterId,
      receipt_no: p.receiptNo,
      invoice_no: null,
      kind: 'gas',
      status: 'pending_card_write',
      customer_id: customerId,
      user_class: 'residential',
      shift_id: a.shiftId,
      business_date: '2026-03-02',
      operator_id: 'op',
      approver_id: null,
      volume: 1_000,
      amount: AMOUNT,
      balance_used: 0,
      balance_added: 0,
      amount_paid: AMOUNT,
      price_version_id: pv,
      corrects_sale_id: null,
      reason: null,
      created_at: p.createdAt,
    });
    const lineRows = await ho.store.query('SELECT * FROM sale_lines WHERE sale_id = $1', [y]);
    expect(lineRows).toEqual([
      {
        sale_id: y,
        line_no: 1,
        kind: 'gas',
        tier: 1,
        fee_item_id: null,
        name: '第1档',
        volume: 1_000,
        price_li: TIER1_LI,
        qty: null,
        amount: AMOUNT,
      },
    ]);
    const tenderRows = await ho.store.query('SELECT * FROM sale_tenders WHERE sale_id = $1', [y]);
    expect(tenderRows).toEqual([
      {
        sale_id: y,
        line_no: 1,
        method: 'cash',
        amount: AMOUNT,
        received: 5_000,
        change: 5_000 - AMOUNT,
        reference: null,
      },
    ]);
    // An outcome in a later batch updates the sale stored before.
    await push(a, [outcome(y, 'card_write_failed')]);
    expect(await status()).toEqual({ [x]: 'completed', [y]: 'card_write_failed' });
    // The first batch delivered again: recognised, nothing stored twice, nothing changed back.
    const again = await signed(ho.url, a, 'POST', '/v1/push', { ops: first.chained });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicates: 4 });
    expect(await status()).toEqual({ [x]: 'completed', [y]: 'card_write_failed' });
    expect(await rows()).toBe(4);
  });

  it('hands the blocked card to the hall’s counters', async () => {
    const c = await SimCounter.create(2, tempDir('gasdesk-cards-'), () => t);
    try {
      await c.ok(
        'sync.enroll',
        { server: ho.url, code: await registerCounter(ho, '0101', '03') },
        c.adminSid,
      );
      expect((await c.ok('sync.now', {}, c.adminSid)).ok).toBe(true);
      const rows = c.app.gdb.sqlite
        .prepare('SELECT card_no AS cardNo, status FROM cards ORDER BY card_no')
        .all();
      expect(rows).toEqual([
        { cardNo: '0101010000000001', status: 'lost' },
        { cardNo: '0101010000000002', status: 'active' },
        { cardNo: '0101020000000001', status: 'active' },
      ]);
      expect((await c.ok('sync.status', {}, c.adminSid)).conflicts.length).toBe(4);
    } finally {
      c.close();
    }
  });
});
