/**
 * A meter reading brought home on a meter maker's card reaches head office as a reference card's does: a real
 * counter whose reader is the worked maker manifest (its library's test double built here with cc) issues a
 * card, sells onto it, reads it back once the meter has written its reading through the library, and syncs; head
 * office keeps the reading (meter_readings) from the meter.reading op. On PostgreSQL when it answers, PGlite
 * otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugConfiguredReader } from '../../services/cards/attach';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { SIM_APPROVAL, SimCounter } from '../sim/sim-counter';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { buildMakerTestDouble, type MakerTestDouble } from '../support/maker-card-test-double';

const M3 = 100;
let ho: TestHeadOffice;
let a: SimCounter;
let lib: MakerTestDouble;

const sync = async () =>
  expect(await a.ok('sync.now', {}, a.adminSid)).toMatchObject({ ok: true, quarantined: 0 });

beforeAll(async () => {
  const root = tempDir('gasdesk-maker-sync-', { shared: true });
  lib = buildMakerTestDouble(root);
  ho = await startHeadOffice();
  await publishDemoCatalogue(ho);
  a = await SimCounter.create(0, `${root}/counter`, () => Date.now());
  await a.ok('sync.enroll', { server: ho.url, code: await registerCounter(ho, '0101', a.code) }, a.adminSid);
  await sync();
  await a.ok('shifts.open', { float: 50_000 }, a.cashierSid);
  plugConfiguredReader(a.app, a.app.keyProtector, `maker:${lib.manifest}`);
}, 120_000);

afterAll(async () => {
  await a?.app.cardStation?.close();
  a?.close();
  await ho?.close();
});

describe('a maker card’s meter reading at head office', () => {
  it('is kept there from the counter’s meter.reading, as a reference card’s', async () => {
    const h = fakeHousehold(mulberry32(9), 31);
    const c = await a.ok(
      'customers.open',
      { ...h, inspection: { status: 'normal', date: h.inspection.date } },
      a.adminSid,
    );
    lib.blank();
    const { cardNo } = await a.ok('cards.issue', { customerId: c.id }, a.cashierSid);
    const q = await a.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 20 * M3 }, a.cashierSid);
    await a.ok(
      'sales.sellGas',
      {
        purchase: { customerId: c.id, by: 'volume', volume: 20 * M3 },
        expectedAmountDue: q.amountDue,
        tenders: [{ method: 'cash', amount: q.amountDue, received: q.amountDue }],
        ...(q.approvalReasons.length > 0 ? { approval: SIM_APPROVAL } : {}),
      },
      a.cashierSid,
    );
    // The meter loaded the purchase and wrote its reading back through the maker's library (0.1 m³ units).
    lib.put({
      ...lib.card()!,
      count: 1,
      volume: 0,
      cumulative: 200,
      meterNo: 'JK2026000555',
      readAt: '20261207153000',
      loaded: 1,
      remaining: 120,
      used: 80,
      status: 0x01,
    });
    expect((await a.ok('cards.read', {}, a.cashierSid)).reading).toMatchObject({ meterNo: 'JK2026000555' });
    await sync();
    const rows = await ho.store.query<Record<string, unknown>>(
      'SELECT customer_id, card_no, meter_no, loaded_count, remaining, cumulative_used, status, read_at FROM meter_readings WHERE customer_id = $1',
      [c.id],
    );
    expect(rows).toEqual([
      {
        customer_id: c.id,
        card_no: cardNo,
        meter_no: 'JK2026000555',
        loaded_count: 1,
        remaining: 1200,
        cumulative_used: 800,
        status: { lowBattery: false, valveClosed: true, tamper: false, leakAlarm: false },
        read_at: Date.parse('2026-12-07T07:30:00Z') / 1000,
      },
    ]);
  });
});
