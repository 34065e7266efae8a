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

const HEADER = { kind: 'user' as const, region: 101, cardNo: '1010000123', accountNo: '880001000001' };

describe('the card operations through the manifest', () => {
  it('issues a blank card, writes a purchase in the maker’s 0.1 m³, reads it back in GasDesk’s 0.01 m³', async () => {
    const p = plugin();
    await p.issue(HEADER);
    expect(await p.readCard()).toEqual({
      header: { ...HEADER, generation: 0 },
      purchase: null,
      meter: { remaining: 0, cumulativeUsed: 0 },
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
      'DM_ReadCard = -9（清单中没有这个返回码）',
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
