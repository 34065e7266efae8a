/**
 * Property test support: a fresh counter for a run — of hall 0101 (0102… after 99 counters), with the training
 * card station, enrolled at head office, its prices and the hall's households pulled, an invoice range and an
 * open shift — and the Run over it.
 */
import { expect } from 'vitest';
import { type CardSimCounter, cardSimCounter } from '../card-sim-counter';
import { registerCounter, type TestHeadOffice } from '../head-office';
import { Run } from './run';

/** The `n`th counter of the file (its clock off by `skewMs`), its databases in `root`. */
export async function freshCounter(
  ho: TestHeadOffice,
  root: string,
  n: number,
  skewMs: number,
): Promise<Run> {
  const hallCode = `01${String(1 + Math.floor(n / 99)).padStart(2, '0')}`;
  const k = await cardSimCounter(n % 99, root, () => Date.now() + skewMs, hallCode);
  try {
    return await enrolledRun(ho, k, n);
  } catch (e) {
    k.c.close();
    throw e;
  }
}

async function enrolledRun(ho: TestHeadOffice, k: CardSimCounter, n: number): Promise<Run> {
  const { c } = k;
  const hallCode = c.app.counter()!.hallCode;
  await c.ok(
    'sync.enroll',
    { server: ho.url, code: await registerCounter(ho, hallCode, c.code) },
    c.adminSid,
  );
  expect((await c.ok('sync.now', {}, c.adminSid)).error).toBeNull();
  const r = new Run(k, n * 1_000);
  r.fees = (await c.ok('fees.list', {}, c.cashierSid)).items;
  expect(r.fees.length).toBeGreaterThan(0);
  await c.ok('invoices.addRange', { prefix: 'FP', first: n * 1_000 + 1, last: n * 1_000 + 999 }, c.adminSid);
  // A few households of the hall opened at the counter before this one (pulled just now) walk in too.
  const pulled = c.app.gdb.sqlite.prepare('SELECT id FROM customers ORDER BY id DESC LIMIT 3').all() as {
    id: string;
  }[];
  for (const p of pulled) r.households.push({ id: p.id, pulled: true, cardId: null, lastGasSale: null });
  await c.ok('shifts.open', { float: 50_000 }, c.cashierSid);
  return r;
}
