/**
 * A meter maker's card library as a card-format plug-in, driven only by its manifest (the worked example
 * tests/fixtures/maker/demo-maker.json) against the library's test double built here with cc: issue, read,
 * write a purchase in the maker's unit, clear, make a replacement; return codes mapped to the counter's errors;
 * a library missing or lacking a function; a call that hangs cut at the manifest's timeout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  loadMakerManifest,
  MakerCardError,
  MakerCardPlugin,
} from '../../drivers/card-formats/maker/maker-library';
import { makerFormat } from '../../drivers/card-formats/maker/maker-format';
import { MakerReader } from '../../drivers/card-formats/maker/maker-reader';
import { AppError } from '../../core/errors';
import { tempDir } from '../support/app';
import { buildMakerTestDouble, type MakerTestDouble } from '../support/maker-card-test-double';

let lib: MakerTestDouble;
let dir: string;
const plugins: MakerCardPlugin[] = [];

beforeAll(() => {
  dir = tempDir('gasdesk-maker-', { shared: true });
  lib = buildMakerTestDouble(dir);
});
afterEach(async () => {
  lib.blank();
  await Promise.all(plugins.splice(0).map((p) => p.close()));
});

/** The plug-in from a manifest file, optionally changed first (a copy beside the library). */
function plugin(change?: (m: Record<string, unknown>) => void): MakerCardPlugin {
  let path = lib.manifest;
  if (change) {
    const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
    change(m);
    path = join(dir, `changed-${plugins.length}.json`);
    writeFileSync(path, JSON.stringify(m));
  }
  const { manifest, library } = loadMakerManifest(path);
  const p = new MakerCardPlugin(manifest, library);
  plugins.push(p);
  return p;
}

async function failure(p: Promise<unknown>): Promise<MakerCardError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(MakerCardError);
  return e as MakerCardError;
}

const NO_ALARM = { lowBattery: false, valveClosed: false, tamper: false, leakAlarm: false };
const HEADER = { kind: 'user' as const, region: 101, cardNo: '1010000123', accountNo: '880001000001' };

describe('the card operations through the manifest', () => {
  it('issues a blank card, writes a purchase in the maker’s 0.1 m³, reads it back in GasDesk’s 0.01 m³', async () => {
    const p = plugin();
    await p.issue(HEADER);
    expect(await p.readCard()).toEqual({
      header: { ...HEADER, generation: 0 },
      purchase: null,
      meter: { remaining: 0, cumulativeUsed: 0, meterNo: '', readAt: 0, loadedCount: 0, status: NO_ALARM },
    });
    await p.writePurchase(HEADER.cardNo, { count: 1, volume: 2500, cumulative: 2500 });
    expect(lib.card()).toMatchObject({ count: 1, volume: 250, cumulative: 250 });
    expect((await p.readCard()).purchase).toEqual({ count: 1, volume: 2500, cumulative: 2500 });
  });

  it('refuses a volume the maker’s unit cannot hold exactly, before calling the library', async () => {
    const p = plugin();
    await p.issue(HEADER);
    const e = await failure(p.writePurchase(HEADER.cardNo, { count: 1, volume: 2505, cumulative: 2505 }));
    expect([e.code, e.detail]).toEqual(['CARD_WRITE_FAILED', '25.05 m³ 不能用表厂的单位 0.1m3 精确表示']);
    expect(lib.card()?.count).toBe(0);
  });

  it('clears the gas on the card and makes a replacement one generation later with the count carried', async () => {
    const p = plugin();
    lib.put({ ...HEADER, generation: 0, count: 4, volume: 300, cumulative: 1200, remaining: 0, used: 0 });
    await p.clear(HEADER.cardNo);
    expect((await p.readCard()).purchase).toEqual({ count: 4, volume: 0, cumulative: 9000 });
    lib.blank();
    await p.replace({ ...HEADER, cardNo: '1010000124', generation: 1 }, { count: 4, cumulative: 12000 });
    expect(lib.card()).toMatchObject({
      cardNo: '1010000124',
      generation: 1,
      count: 4,
      volume: 0,
      cumulative: 1200,
    });
  });

  it('maps the library’s return codes to the counter’s errors, and one the manifest does not list', async () => {
    const p = plugin();
    lib.absent();
    expect((await failure(p.readCard())).code).toBe('NO_CARD');
    lib.put({ ...HEADER, generation: 0, count: 4, volume: 0, cumulative: 1200, remaining: 0, used: 0 });
    expect((await failure(p.writePurchase('9999', { count: 5, volume: 100, cumulative: 12100 }))).code).toBe(
      'CARD_FOREIGN',
    );
    expect(
      (await failure(p.writePurchase(HEADER.cardNo, { count: 4, volume: 100, cumulative: 12100 }))).code,
    ).toBe('CARD_WRITE_FAILED');
    const unlisted = plugin((m) => {
      (m as { port: number }).port = 4;
      delete (m as { returnCodes: Record<string, string> }).returnCodes['-9'];
    });
    const read = await failure(unlisted.readCard());
    expect([read.code, read.detail]).toEqual([
      'READER_UNAVAILABLE',
      'DM_ReadCardEx = -9（清单中没有这个返回码）',
    ]);
    expect((await failure(unlisted.clear(HEADER.cardNo))).code).toBe('CARD_WRITE_UNCERTAIN');
  });
});

describe('a library that cannot be used', () => {
  it('is missing, or lacks a function the manifest names', async () => {
    const missing = plugin((m) => {
      (m as { library: string }).library = 'nowhere/libdemo.so';
    });
    expect((await failure(missing.readCard())).code).toBe('CARD_LIBRARY_MISSING');
    const renamed = plugin((m) => {
      (m as { operations: { clear: { function: string } } }).operations.clear.function = 'DM_Wipe';
    });
    const e = await failure(renamed.clear(HEADER.cardNo));
    expect([e.code, e.detail]).toEqual(['CARD_LIBRARY_EXPORTS', 'DM_Wipe']);
  });

  it('is described by a manifest that does not hold together: refused when loaded', () => {
    const path = join(dir, 'bad.json');
    const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
    m.operations.clear.args.push({ out: 'count' });
    m.returnCodes = { '0': 'NO_CARD' };
    writeFileSync(path, JSON.stringify(m));
    expect(() => loadMakerManifest(path)).toThrow(
      /returnCodes must name the success code.*only read takes values out/,
    );
  });
});

describe('a call that hangs', () => {
  it('is cut at the manifest’s timeout: a write is uncertain (settled by the next read), a read unavailable', async () => {
    const p = plugin((m) => {
      (m as { timeoutMs: number }).timeoutMs = 1000;
    });
    lib.hang();
    expect(
      (await failure(p.writePurchase(HEADER.cardNo, { count: 1, volume: 100, cumulative: 100 }))).code,
    ).toBe('CARD_WRITE_UNCERTAIN');
    expect((await failure(p.readCard())).code).toBe('READER_UNAVAILABLE');
    lib.put({ ...HEADER, generation: 0, count: 1, volume: 10, cumulative: 10, remaining: 0, used: 0 });
    expect((await p.readCard()).purchase).toEqual({ count: 1, volume: 100, cumulative: 100 });
  });
});

describe('the meter’s write-back and the card’s kind, as the manifest maps them', () => {
  const LOADED = {
    ...HEADER,
    generation: 0,
    count: 4,
    volume: 0,
    cumulative: 1200,
    remaining: 310,
    used: 890,
  };

  it('reads the meter number, its clock at the manifest’s offset, the loaded count and the maker’s alarm bits', async () => {
    const p = plugin();
    // 0x40 (meter opened) is one of the two bits the manifest maps to tamper; 0x04 low battery.
    lib.put({ ...LOADED, meterNo: 'JK2026000123', readAt: '20261207153000', loaded: 4, status: 0x44 });
    expect(await p.readCard()).toEqual({
      header: { ...HEADER, generation: 0 },
      purchase: { count: 4, volume: 0, cumulative: 12000 },
      meter: {
        remaining: 3100,
        cumulativeUsed: 8900,
        meterNo: 'JK2026000123',
        readAt: Date.parse('2026-12-07T07:30:00Z') / 1000,
        loadedCount: 4,
        status: { lowBattery: true, valveClosed: false, tamper: true, leakAlarm: false },
      },
    });
    // A bit the manifest maps to no flag (0x08) raises none; 0x10 is the leak alarm, 0x01 the valve.
    lib.put({ ...LOADED, meterNo: 'JK2026000123', readAt: '20261207153000', loaded: 4, status: 0x19 });
    expect((await p.readCard()).meter?.status).toEqual({
      lowBattery: false,
      valveClosed: true,
      tamper: false,
      leakAlarm: true,
    });
  });

  it('a read time that is no time (30 February) reads as 0, and the clock’s offset comes from the manifest', async () => {
    lib.put({ ...LOADED, meterNo: 'JK2026000123', readAt: '20260230120000', loaded: 4 });
    expect((await plugin().readCard()).meter?.readAt).toBe(0);
    lib.put({ ...LOADED, meterNo: 'JK2026000123', readAt: '20261207153000', loaded: 4 });
    const utc = plugin((m) => {
      (m as { meter: { clock: string } }).meter.clock = '+00:00';
    });
    expect((await utc.readCard()).meter?.readAt).toBe(Date.parse('2026-12-07T15:30:00Z') / 1000);
  });

  it('maps the maker’s kind codes: a tool card reads as its kind, a code not listed as a user card', async () => {
    lib.put({ ...LOADED, accountNo: '-', makerKind: 17 });
    expect((await plugin().readCard()).header).toMatchObject({ kind: 'check', accountNo: '' });
    lib.put({ ...LOADED, makerKind: 99 });
    expect((await plugin().readCard()).header.kind).toBe('user');
  });

  it('a manifest giving part of a reading, the alarm bits without their map, or kinds without codes: refused', () => {
    const path = join(dir, 'half-reading.json');
    const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
    m.operations.read.args = m.operations.read.args.filter(
      (a: { out?: string }) => a.out !== 'meterLoadedCount' && a.out !== 'cardKind',
    );
    delete m.meter;
    writeFileSync(path, JSON.stringify(m));
    expect(() => loadMakerManifest(path)).toThrow(
      /missing meterLoadedCount.*meterStatus out of read needs meter.statusBits.*cardKind out of read and cardKinds/,
    );
    // A manifest of the first version (remaining and use only, shown not kept) still loads.
    m.operations.read.args = m.operations.read.args.filter(
      (a: { out?: string }) => !['meterNo', 'meterReadAt', 'meterStatus'].includes(a.out ?? ''),
    );
    delete m.cardKinds;
    writeFileSync(path, JSON.stringify(m));
    expect(() => loadMakerManifest(path)).not.toThrow();
  });
});

describe('tool cards through the maker’s functions', () => {
  it('makes the kinds the manifest names a function for, on a blank card, read back as that kind', async () => {
    const p = plugin();
    expect(p.toolKinds).toEqual(['clear', 'check']);
    await p.makeToolCard('clear', '9010000001', 101);
    expect(lib.card()).toMatchObject({ cardNo: '9010000001', accountNo: '-', region: 101, makerKind: 16 });
    expect((await p.readCard()).header).toEqual({
      kind: 'clear',
      region: 101,
      cardNo: '9010000001',
      accountNo: '',
      generation: 0,
    });
  });

  it('refuses a kind the manifest names no function for, before calling the library (stable code, Chinese)', async () => {
    const p = plugin();
    const before = lib.card();
    const e = await failure(p.makeToolCard('setup', '9010000002', 101));
    expect([e.code, e.detail]).toEqual([
      'CARD_TOOL_UNSUPPORTED',
      '示例表厂 IC 卡库（测试替身） 的清单没有写明制作设置卡的函数（operations.toolCards.setup）',
    ]);
    expect(lib.card()).toEqual(before);
    const none = plugin((m) => {
      delete (m as { operations: { toolCards?: unknown } }).operations.toolCards;
    });
    expect(none.toolKinds).toEqual([]);
    expect((await failure(none.makeToolCard('clear', '9010000002', 101))).code).toBe('CARD_TOOL_UNSUPPORTED');
  });

  it('a tool card’s function is given only the port, its number and region: anything else refused at load', () => {
    const path = join(dir, 'tool-account.json');
    const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
    m.operations.toolCards.clear.args.push({ in: 'accountNo' });
    writeFileSync(path, JSON.stringify(m));
    expect(() => loadMakerManifest(path)).toThrow(
      /operations.toolCards.clear.args.3: a tool card is given only/,
    );
  });
});

describe('tool cards through the maker’s format (what the card station calls)', () => {
  const make = (kind: 'clear' | 'check' | 'setup', cardNo: string) =>
    makerFormat.makeToolCard(new MakerReader(plugin(), 'demo'), kind, cardNo, 101, {} as never);

  it('makes one on a blank card; the same tool card again is left alone; a card already issued is refused', async () => {
    await make('check', '9010000003');
    expect(lib.card()).toMatchObject({ cardNo: '9010000003', makerKind: 17 });
    await make('check', '9010000003'); // made before a crash: nothing called, nothing refused
    const e = await make('clear', '9010000004').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect([(e as AppError).code, (e as AppError).detail]).toEqual([
      'CARD_WRITE_FAILED',
      '读卡器里不是空白卡（卡号 9010000003），工具卡只能用空白卡制作',
    ]);
    expect(lib.card()).toMatchObject({ cardNo: '9010000003', makerKind: 17 });
  });

  it('a kind without a function in the manifest: CARD_TOOL_UNSUPPORTED as the counter’s error, card untouched', async () => {
    const before = lib.card();
    const e = await make('setup', '9010000005').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('CARD_TOOL_UNSUPPORTED');
    expect(lib.card()).toEqual(before);
  });
});
