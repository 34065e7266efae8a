/**
 * What the card station does with a meter maker's library that the shared suite (reader-maker.test.ts) does
 * not show: the counter set up with a `maker:` address; killed between a sale's intent and its resolution, and
 * recovered from the card at the restart as for every transport; a library call that hangs reported as a stuck
 * reader, the next read working; the settings' 测试 on a `maker:` address, and on one whose manifest or library
 * is missing. The library is the worked example's test double, built here with cc.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyLedger } from '../../db';
import { App } from '../../services/app';
import { plugConfiguredReader } from '../../services/cards/attach';
import { devicesTestReader } from '../../services/cards/test-reader';
import { seedDemo } from '../../services/setup/demo';
import { buy, cashierWithShift, household, M3, SUPERVISOR } from '../fixtures/sales';
import { type TestCounter, tempDir, testCounter } from '../support/app';
import { buildMakerTestDouble, type MakerTestDouble } from '../support/maker-card-test-double';
import { ROOT } from '../support/socat';

let lib: MakerTestDouble;
let dir: string;
let t: TestCounter;
let sid: string;
let spec: string;

/** A copy of the worked manifest beside its library, changed. */
function manifestWith(name: string, change: (m: Record<string, unknown>) => void): string {
  const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
  change(m);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(m));
  return path;
}

beforeAll(async () => {
  dir = tempDir('gasdesk-maker-station-', { shared: true });
  lib = buildMakerTestDouble(dir);
  spec = `maker:${manifestWith('short-timeout.json', (m) => {
    m.timeoutMs = 1000;
  })}`;
  t = await testCounter({ households: 4, shared: true });
  t.app.sessions.idleLockMinutes = 60 * 24 * 365;
  plugConfiguredReader(t.app, t.app.keyProtector, spec);
  sid = await cashierWithShift(t);
}, 60_000);

afterAll(async () => {
  await t?.app.cardStation?.close();
});

const withCard = async () => {
  const c = await household(t);
  lib.blank();
  const card = await t.ok('cards.issue', { customerId: c.id }, sid);
  return { c, cardNo: card.cardNo };
};

describe('kill -9 between a sale’s intent and its resolution: recovered from the card at the next start', () => {
  let crashDir = '';
  let customerId = '';
  const child = (mode: string, failpoint?: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/card-crash-child.ts'), crashDir, spec, mode, customerId],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, GASDESK_FAILPOINT: failpoint ?? '' },
        timeout: 60_000,
      },
    );
  const sales = () => {
    const db = new Database(join(crashDir, 'gasdesk.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT id, status FROM sales WHERE kind = 'gas' ORDER BY rowid").all();
    const ledger = verifyLedger(db);
    db.close();
    return { rows: rows as { id: string; status: string }[], ledger };
  };

  beforeAll(async () => {
    crashDir = tempDir('gasdesk-maker-crash-', { shared: true });
    const app = new App({ dataDir: crashDir });
    await seedDemo(app, 3);
    customerId = app.gdb.sqlite
      .prepare('SELECT id FROM customers ORDER BY seq LIMIT 1')
      .pluck()
      .get() as string;
    app.close();
    lib.blank();
    const issued = child('issue');
    expect(issued.stderr).toBe('');
    expect(issued.status).toBe(0);
  }, 60_000);

  const EXPECTED = {
    'card:journalled': ['card_write_failed', 0], // journalled, the library never called: the card says so
    'card:written': ['completed', 1], // written and read back, settling lost with the process
  } as const;
  for (const [point, [status, count]] of Object.entries(EXPECTED))
    it(`killed at ${point}: the restart reads the card and the sale is ${status}`, async () => {
      const crashed = child('sell', point);
      expect(crashed.signal).toBe('SIGKILL');
      expect(sales().rows.at(-1)!.status).toBe('pending_card_write');
      const recovered = child('recover');
      expect(recovered.stderr).toBe('');
      const after = sales();
      expect(after.ledger.ok).toBe(true);
      expect(after.rows.at(-1)!.status).toBe(status);
      expect(lib.card()).toMatchObject({ count, volume: count * 50 });
      // The meter takes the gas off the card, so the next sale may go on.
      lib.put({ ...lib.card()!, volume: 0 });
    });
});

describe('冲正 with the card in the maker’s reader', () => {
  it('clears the gas through the library’s clear, journalled, then enters the reversal; refused once loaded', async () => {
    const { c } = await withCard();
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 20 * M3 });
    expect(lib.card()).toMatchObject({ count: 1, volume: 200, cumulative: 200 });
    const rev = await t.ok(
      'cards.reverseSale',
      { saleId: sale.id, reason: '用户购错气量', approval: SUPERVISOR },
      sid,
    );
    expect(rev).toMatchObject({ kind: 'reversal', correctsSaleId: sale.id, volume: -2000 });
    expect(lib.card()).toMatchObject({ count: 1, volume: 0, cumulative: 0 });
    const again = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 30 * M3 });
    expect(lib.card()).toMatchObject({ count: 2, volume: 300, cumulative: 300 });
    lib.put({ ...lib.card()!, volume: 0 }); // the meter took the gas
    const late = await t.fails(
      'cards.reverseSale',
      { saleId: again.id, reason: '晚了', approval: SUPERVISOR },
      sid,
    );
    expect(late.code).toBe('GAS_ALREADY_LOADED');
  });
});

describe('读卡 brings home the meter’s reading from a maker’s card, as from the reference format', () => {
  const outbox = (type: string, customerId: string) =>
    t.app.gdb.sqlite
      .prepare('SELECT payload FROM outbox WHERE type = ? AND entity_id = ? ORDER BY seq')
      .pluck()
      .all(type, customerId)
      .map((p) => JSON.parse(p as string));

  it('keeps it as a reading and sends it as meter.reading, once; a reading going backwards is a meter fault', async () => {
    const { c, cardNo } = await withCard();
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 20 * M3 });
    // The meter loads the purchase (takes its gas off the card) and writes its reading back: 0.1 m³ units,
    // its clock at +08:00, the maker's bits 0x01 (valve closed) and 0x10 (leak).
    const meter = { meterNo: 'JK2026000123', readAt: '20261207153000', loaded: 1 };
    lib.put({ ...lib.card()!, volume: 0, remaining: 150, used: 50, status: 0x11, ...meter });
    const read = await t.ok('cards.read', {}, sid);
    const reading = {
      meterNo: 'JK2026000123',
      loadedCount: 1,
      remaining: 1500,
      cumulativeUsed: 500,
      status: { lowBattery: false, valveClosed: true, tamper: false, leakAlarm: true },
    };
    expect(read.reading).toEqual({ ...reading, readAt: '2026-12-07T07:30:00.000Z' });
    expect(read.card).toMatchObject({ cardNo, purchaseCount: 1, pending: false });
    const list = await t.ok('cards.list', { customerId: c.id }, sid);
    expect(list.readings).toEqual([{ ...reading, cardNo, readAt: '2026-12-07T07:30:00.000Z' }]);
    const at = Date.parse('2026-12-07T07:30:00Z') / 1000;
    const sent = [{ v: 2, customerId: c.id, cardNo, ...reading, readAt: at }];
    expect(outbox('meter.reading', c.id)).toEqual(sent);
    // The same card read again is the same reading: nothing new is kept or sent.
    await t.ok('cards.read', {}, sid);
    expect(outbox('meter.reading', c.id)).toEqual(sent);
    // A later reading with less cumulative use than the last: a meter fault under that meter, not a reading.
    lib.put({ ...lib.card()!, used: 40, readAt: '20261208090000' });
    expect((await t.ok('cards.read', {}, sid)).reading).toBeNull();
    expect(outbox('meter.reading', c.id)).toEqual(sent);
    expect(outbox('meter.fault', c.id)).toEqual([
      {
        v: 1,
        customerId: c.id,
        cardNo,
        meterNo: 'JK2026000123',
        faults: ['表具累计用气 400 小于上次读数 500'],
      },
    ]);
  });

  it('a reading out of range (a loaded count above the card’s): a meter fault under the meter the library named', async () => {
    const { c, cardNo } = await withCard();
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    lib.put({ ...lib.card()!, meterNo: 'JK2026000999', readAt: '20261207153000', loaded: 7, remaining: 10 });
    expect((await t.ok('cards.read', {}, sid)).reading).toBeNull();
    expect(outbox('meter.reading', c.id)).toEqual([]);
    expect(outbox('meter.fault', c.id)).toEqual([
      {
        v: 1,
        customerId: c.id,
        cardNo,
        meterNo: 'JK2026000999',
        faults: ['表具回写的已入表次数 7 大于卡内购气次数 1'],
      },
    ]);
  });

  it('a card no meter has read yet (no meter number) keeps nothing', async () => {
    const { c } = await withCard();
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect((await t.ok('cards.read', {}, sid)).reading).toBeNull();
    expect(outbox('meter.reading', c.id)).toEqual([]);
    expect(outbox('meter.fault', c.id)).toEqual([]);
  });
});

describe('制作工具卡 (cards.makeToolCard) through the maker’s library', () => {
  it('a 班长 makes a 清零卡 through the manifest’s function, read back as one and recorded; a kind the manifest has no function for is refused before anything is written', async () => {
    const sup = await t.login('liuqiang');
    lib.blank();
    const made = await t.ok('cards.makeToolCard', { kind: 'clear' }, sup);
    expect(made).toMatchObject({ kind: 'clear', formatId: 'maker' });
    expect(lib.card()).toMatchObject({ cardNo: made.cardNo, makerKind: 16 });
    expect((await t.ok('cards.read', {}, sup)).message).toMatch(
      `本营业厅制作的清零卡（卡号 ${made.cardNo}）`,
    );
    lib.blank();
    const series = () =>
      t.app.gdb.sqlite.prepare("SELECT next FROM number_series WHERE name = 'card'").pluck().get();
    const before = { tools: t.count('tool_cards'), outbox: t.count('outbox'), series: series() };
    const e = await t.fails('cards.makeToolCard', { kind: 'setup' }, sup);
    expect(e).toMatchObject({ code: 'CARD_TOOL_UNSUPPORTED', status: 409 });
    expect(e.message).toMatch(/这家表厂的卡库清单没有写明制作这种工具卡的函数/);
    expect(e.detail).toMatch(/不能制作设置卡（setup）/);
    expect(lib.card()).toMatchObject({ cardNo: '-' }); // still blank
    expect({ tools: t.count('tool_cards'), outbox: t.count('outbox'), series: series() }).toEqual(before);
  });
});

describe('cards.toolKinds on a maker: reader', () => {
  it('lists only the kinds the manifest names a function for, without touching the card', async () => {
    const sup = await t.login('liuqiang');
    lib.blank();
    const got = await t.ok('cards.toolKinds', {}, sup);
    expect(got.kinds).toContain('clear');
    expect(got.kinds).not.toContain('setup');
    expect(lib.card()).toMatchObject({ cardNo: '-' });
    expect((await t.fails('cards.toolKinds', {}, await t.login('zhangli'))).code).toBe('PERMISSION_DENIED');
  });
});

describe('a library call that hangs', () => {
  it('is cut at the manifest’s timeout and the reader reported stuck; the next read works', async () => {
    const { cardNo } = await withCard();
    const card = lib.card()!;
    lib.hang();
    expect((await t.fails('cards.read', {}, sid)).code).toBe('READER_STUCK');
    lib.put(card);
    expect((await t.ok('cards.read', {}, sid)).card).toMatchObject({ cardNo, purchaseCount: 0 });
  });
});

describe('gasdesk card info and the settings’ 测试 on a maker: address', () => {
  it('card info shows the maker library’s reading of the card, without writing it', async () => {
    lib.put({
      cardNo: '1010000077',
      accountNo: '880001000077',
      region: 101,
      generation: 1,
      count: 3,
      volume: 40,
      cumulative: 200,
      remaining: 15,
      used: 170,
      meterNo: 'JK2026000077',
      readAt: '20261207153000',
      loaded: 2,
      status: 0x04,
    });
    const before = readFileSync(join(dir, 'demo-maker-card.state'), 'utf8');
    const args = [
      join(ROOT, 'cli/bin/gasdesk.js'),
      'card',
      'info',
      '--reader',
      `maker:${lib.manifest}`,
      '--json',
    ];
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, args, { encoding: 'utf8' }, (_e, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      firmware: expect.stringContaining('示例表厂 IC 卡库（测试替身）'),
      present: true,
      atr: null,
      triesLeft: 3,
      record: {
        state: 'ok',
        header: { cardNo: '1010000077', accountNo: '880001000077', region: 101, generation: 1 },
        purchase: { count: 3, volume: 400, cumulative: 2000 },
        pending: true,
        writeBack: {
          meterNo: 'JK2026000077',
          loadedCount: 2,
          remaining: 150,
          cumulativeUsed: 1700,
          readAt: Date.parse('2026-12-07T07:30:00Z') / 1000,
          status: { lowBattery: true, valveClosed: false, tamper: false, leakAlarm: false },
        },
      },
    });
    expect(readFileSync(join(dir, 'demo-maker-card.state'), 'utf8')).toBe(before);
  });

  const test = (s: string) => devicesTestReader({ spec: s }, { app: t.app } as never);

  it('names the maker’s library and says whether a card is in; never writes', async () => {
    lib.blank();
    const before = readFileSync(join(dir, 'demo-maker-card.state'), 'utf8');
    expect(await test(spec)).toMatchObject({ ok: true, cardPresent: true, problem: null });
    expect((await test(spec)).info).toContain('示例表厂 IC 卡库（测试替身）');
    expect(readFileSync(join(dir, 'demo-maker-card.state'), 'utf8')).toBe(before);
    lib.absent();
    expect(await test(`maker:${lib.manifest}`)).toMatchObject({ ok: true, cardPresent: false });
  });

  it('a manifest or a library that is not there: a Chinese problem, not a failure', async () => {
    const none = await test(`maker:${join(dir, 'nowhere.json')}`);
    expect(none).toMatchObject({ ok: false, cardPresent: null });
    expect(none.problem).toContain('找不到表厂卡库清单');
    const noLib = manifestWith('no-lib.json', (m) => {
      m.library = 'missing/libdemo.so';
    });
    const missing = await test(`maker:${noLib}`);
    expect(missing.ok).toBe(false);
    expect(missing.problem).toContain('找不到表厂的卡库');
  });
});
