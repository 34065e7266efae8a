import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../db';
import { App } from '../../services/app';
import { cardMasterKey, fileKeyProtector } from '../../services/cards/key-vault';
import { seedDemo } from '../../services/setup/demo';
import { tempDir } from '../support/app';
import type { Json } from '../support/json';
import { control, gasdesk, ptyPair, ROOT } from '../support/socat';

let dir = '';
let pair: Awaited<ReturnType<typeof ptyPair>>;
let emu: Awaited<ReturnType<typeof gasdesk>>;
let base = '';
let customerId = '';
let others: string[] = [];
let cardId = '';

function child(mode: string, failpoint?: string, customer = customerId) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/fixtures/card-crash-child.ts'), dir, pair.b, mode, customer],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GASDESK_FAILPOINT: failpoint ?? '' },
      timeout: 60_000,
    },
  );
}

beforeAll(async () => {
  dir = tempDir('gasdesk-card-crash-', { shared: true });
  const app = new App({ dataDir: dir });
  await seedDemo(app, 4);
  [customerId, ...others] = app.gdb.sqlite
    .prepare('SELECT id FROM customers ORDER BY seq LIMIT 3')
    .pluck()
    .all() as string[];
  const key = cardMasterKey(app, fileKeyProtector(dir));
  app.close();
  writeFileSync(join(dir, 'master.hex'), Buffer.from(key).toString('hex'));
  pair = await ptyPair(dir);
  emu = await gasdesk(
    ['emulate', 'reader', '--serial', pair.a, '--baud', '115200', '--key-file', join(dir, 'master.hex')],
    /control at (http:\/\/127\.0\.0\.1:\d+)/,
  );
  base = emu.match[1]!;
  cardId = (await control(base, '/cards', {})).id;
  await control(base, '/slot/insert', { cardId });
  await control(base, '/meters', { meterNo: 'M1', region: 101 });
  const issued = child('issue');
  expect(issued.stderr).toBe('');
  expect(issued.status).toBe(0);
}, 60_000);

afterAll(() => {
  emu?.child.kill('SIGTERM');
  pair?.stop();
});

/** Everything the invariants need, read straight from the database and the card. */
async function snapshot() {
  const db = new Database(join(dir, 'gasdesk.sqlite'), { readonly: true });
  const sales = db.prepare("SELECT id, status FROM sales WHERE kind = 'gas'").all() as {
    id: string;
    status: string;
  }[];
  const writes = db
    .prepare('SELECT sale_id AS saleId, kind, count, volume, status FROM card_writes')
    .all() as { saleId: string; kind: string; count: number; volume: number; status: string }[];
  const ledger = verifyLedger(db);
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  const card = ((await control(base, '/state')).cards as Json[]).find((c) => c.id === cardId)!.record;
  return { sales, writes, ledger, integrity, card };
}

describe('kill -9 between each step of a card sale', () => {
  const EXPECTED = {
    'sale:committed': 'card_write_failed', // never reached the journal: certainly not on any card
    'card:journalled': 'card_write_failed', // journalled, card untouched: the card says so
    'card:primary-written': 'completed', // the primary area holds it: the card says so
    'card:written': 'completed', // written and read back, settling lost with the process
  } as const;
  for (const [point, expected] of Object.entries(EXPECTED)) {
    it(`after a crash at ${point}, the next start and read leave no credit without a paid sale and no paid sale without its state`, async () => {
      const before = new Set((await snapshot()).sales.map((x) => x.id));
      const crashed = child('sell', point);
      expect(crashed.signal).toBe('SIGKILL');
      await control(base, '/slot/remove', {});
      await control(base, '/slot/insert', { cardId });
      const recovered = child('recover');
      expect(recovered.stderr).toBe('');
      const s = await snapshot();
      expect(s.integrity).toBe('ok');
      expect(s.ledger.ok).toBe(true);
      expect(s.sales.filter((x) => x.status === 'pending_card_write')).toEqual([]);
      expect(s.sales.filter((x) => !before.has(x.id)).map((x) => x.status)).toEqual([expected]);
      for (const sale of s.sales) {
        const confirmed = s.writes.find(
          (w) => w.saleId === sale.id && w.kind === 'purchase' && w.status === 'confirmed',
        );
        expect(sale.status === 'completed').toBe(confirmed !== undefined);
      }
      // The card's gas, if any, belongs to a completed sale.
      const p = s.card.purchase as { count: number; volume: number } | null;
      if (p && p.volume > 0) {
        const w = s.writes.find(
          (x) => x.count === p.count && x.volume === p.volume && x.status === 'confirmed',
        );
        expect(w).toBeDefined();
        expect(s.sales.find((x) => x.id === w!.saleId)?.status).toBe('completed');
      }
      // Let the meter take whatever the card holds, so the next round may sell again.
      await control(base, '/slot/remove', {});
      await control(base, '/meters/M1/insert', { cardId });
      await control(base, '/slot/insert', { cardId });
    });
  }

  it('and a sale without a crash still completes after all that', async () => {
    const r = child('sell');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ status: 'completed' });
  });
});

describe('kill -9 while issuing a card', () => {
  for (const [i, point] of ['card:issue-protected', 'card:issue-psc-changed'].entries())
    it(`after a crash at ${point}, the next 发卡 finishes the same card with the PSC it has: one card number, all tries left`, async () => {
      await control(base, '/slot/remove', {});
      const blank = (await control(base, '/cards', {})).id;
      await control(base, '/slot/insert', { cardId: blank });
      const seq = () => {
        const db = new Database(join(dir, 'gasdesk.sqlite'), { readonly: true });
        const n = db.prepare("SELECT next FROM number_series WHERE name = 'card'").pluck().get() as number;
        db.close();
        return n;
      };
      const before = seq();
      expect(child('issue', point, others[i]).signal).toBe('SIGKILL');
      const again = child('issue', undefined, others[i]);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      const issued = JSON.parse(again.stdout.trim().split('\n').at(-1)!) as { cardNo: string };
      const card = ((await control(base, '/state')).cards as Json[]).find((c) => c.id === blank)!;
      expect(card).toMatchObject({
        triesLeft: 3,
        record: { state: 'ok', issue: 'done', header: { cardNo: issued.cardNo } },
      });
      expect(seq() - before).toBe(1);
    });
});
