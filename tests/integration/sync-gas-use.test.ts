/**
 * The tiers count a household's whole pricing year, wherever it bought (docs/pricing.md): head office keeps
 * each customer's gas use by counter and day (core/sync/gas-use.ts) and publishes it; a counter prices a
 * purchase from its own sales plus the others'. Two real counters of one hall, a real head office: 300 m³
 * bought at counter 01 puts counter 02's next purchase partly into tier 2; 01's reversal of it takes it back;
 * an imported 本年度阶梯用量 counts too. On PostgreSQL when it answers, PGlite otherwise.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revertBatch } from '../../server/import/batches';
import { runImport } from '../../server/import/run';
import { mulberry32 } from '../../services/setup/fake-households';
import { fakeHousehold } from '../../services/setup/fake-households';
import { SIM_APPROVAL, SimCounter } from '../sim/sim-counter';
import { tempDir } from '../support/app';
import { writeXlsx } from '../support/import-files';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';

const M3 = 100;
let ho: TestHeadOffice;
let a: SimCounter;
let b: SimCounter;
let customerId = '';
let accountNo = '';

const sync = async (c: SimCounter) => expect((await c.ok('sync.now', {}, c.adminSid)).ok).toBe(true);
/** Counter `c`'s quote of `volume` for the household: its slices as [tier, volume]. */
const slices = async (c: SimCounter, volume: number) =>
  (await c.ok('sales.quote', { customerId, by: 'volume', volume }, c.cashierSid)).slices.map((s) => [
    s.tier,
    s.volume,
  ]);

beforeAll(async () => {
  ho = await startHeadOffice();
  await publishDemoCatalogue(ho);
  const root = tempDir('gasdesk-gas-use-', { shared: true });
  const wall = () => Date.now();
  a = await SimCounter.create(0, root, wall);
  b = await SimCounter.create(1, root, wall);
  for (const c of [a, b]) {
    await c.ok(
      'sync.enroll',
      { server: ho.url, code: await registerCounter(ho, '0101', c.code) },
      c.adminSid,
    );
    await sync(c);
    await c.ok('shifts.open', { float: 50_000 }, c.cashierSid);
  }
  // A household of four: tier 1 is its first 400 m³ of the year (the demo's 常熟 table).
  const h = fakeHousehold(mulberry32(5), 77);
  const opened = await a.ok(
    'customers.open',
    { ...h, householdSize: 4, inspection: { status: 'normal', date: h.inspection.date } },
    a.adminSid,
  );
  customerId = opened.id;
  accountNo = opened.accountNo;
  await sync(a);
  await sync(b);
}, 120_000);

afterAll(async () => {
  a?.close();
  b?.close();
  await ho?.close();
});

describe('a household’s gas use across the hall’s counters', () => {
  let saleId = '';

  it('prices a purchase at one counter from what the household bought at another', async () => {
    expect(await slices(b, 200 * M3)).toEqual([[1, 200 * M3]]);
    const q = await a.ok('sales.quote', { customerId, by: 'volume', volume: 300 * M3 }, a.cashierSid);
    const sale = await a.ok(
      'sales.sellGas',
      {
        purchase: { customerId, by: 'volume', volume: 300 * M3 },
        expectedAmountDue: q.amountDue,
        tenders: [{ method: 'cash', amount: q.amountDue, received: q.amountDue }],
        ...(q.approvalReasons.length > 0 ? { approval: SIM_APPROVAL } : {}),
      },
      a.cashierSid,
    );
    saleId = sale.id;
    // Before counter 01 has synced, counter 02 knows nothing of it.
    expect(await slices(b, 200 * M3)).toEqual([[1, 200 * M3]]);
    await sync(a);
    await sync(b);
    // 300 m³ used: 100 m³ left in tier 1, the rest in tier 2. Counter 01 counts its own sale once.
    expect(await slices(b, 200 * M3)).toEqual([
      [1, 100 * M3],
      [2, 100 * M3],
    ]);
    expect(await slices(a, 200 * M3)).toEqual([
      [1, 100 * M3],
      [2, 100 * M3],
    ]);
  });

  it('takes a reversed purchase back out at the other counters', async () => {
    await a.ok('sales.reverse', { saleId, reason: '用户当场退气', approval: SIM_APPROVAL }, a.cashierSid);
    await sync(a);
    await sync(b);
    expect(await slices(b, 200 * M3)).toEqual([[1, 200 * M3]]);
  });

  it('counts the year’s use an old system reported (本年度阶梯用量 imported at head office)', async () => {
    const file = join(tempDir('gasdesk-gas-use-import-'), 'tier.xlsx');
    const year = new Date().toISOString().slice(0, 4);
    await writeXlsx(file, [
      ['户号', '计价年度起始', '年度已购气量'],
      [accountNo, `${year}-01-01`, 350],
    ]);
    const r = await runImport(ho.store, `tier-${accountNo}`, {
      kind: 'tier_use',
      path: file,
      hallCode: '0101',
      now: Date.now,
    });
    expect(r.batch).toMatchObject({ status: 'done' });
    await sync(b);
    expect(await slices(b, 200 * M3)).toEqual([
      [1, 50 * M3],
      [2, 150 * M3],
    ]);
    // Reverting the import takes the old system's use back out.
    await revertBatch(ho.store, r.batch!.id, `revert-tier-${accountNo}`, Date.now());
    await sync(b);
    expect(await slices(b, 200 * M3)).toEqual([[1, 200 * M3]]);
  });
});
