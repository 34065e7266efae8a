import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardKeys } from '../../drivers/card-formats/keys';
import { referenceFormat } from '../../drivers/card-formats/reference-format';
import { CardReader, ReaderError } from '../../drivers/card-reader/reader';
import { openSerial } from '../../drivers/card-reader/serial-transport';
import { tempDir } from '../support/app';
import { control, gasdesk, ptyPair, ROOT } from '../support/socat';

const MASTER = 'ab'.repeat(32);
const keys = cardKeys(Buffer.from(MASTER, 'hex'));
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000042', accountNo: '010101000042' };
const purchase = {
  count: 1,
  volume: 1000,
  cumulative: 1000,
  writtenAt: 1_790_000_000,
  counterCode: '010101',
};

let pair: Awaited<ReturnType<typeof ptyPair>>;
let emu: Awaited<ReturnType<typeof gasdesk>>;
let base = '';
let reader: CardReader;

beforeAll(async () => {
  const dir = tempDir('gasdesk-pty-', { shared: true });
  pair = await ptyPair(dir);
  const keyFile = join(dir, 'master.key');
  writeFileSync(keyFile, MASTER);
  emu = await gasdesk(
    ['emulate', 'reader', '--serial', pair.a, '--baud', '115200', '--key-file', keyFile],
    /control at (http:\/\/127\.0\.0\.1:\d+)/,
  );
  base = emu.match[1]!;
  reader = new CardReader(await openSerial({ path: pair.b, baudRate: 115200 }), { timeoutMs: 300 });
}, 30_000);

afterAll(async () => {
  await reader?.close();
  emu?.child.kill('SIGTERM');
  pair?.stop();
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ReaderError ? e.code : String(e);
  }
};

describe('reader emulator in another process over a socat pty pair', () => {
  it('issues a card, writes a purchase and reads it back', async () => {
    const card = await control(base, '/cards', {});
    await control(base, '/slot/insert', { cardId: card.id });
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
    await referenceFormat.issue(reader, header, keys);
    await referenceFormat.writePurchase(reader, header.cardNo, purchase, keys);
    const { record } = await referenceFormat.read(reader);
    expect(record).toMatchObject({ state: 'ok', header, purchase, pending: true });
  });

  it('survives noise, a bad BCC and split frames on the wire', async () => {
    await control(base, '/faults', { noiseBeforeNextReply: [0xff, 0x02, 0x00, 0x99] });
    expect(await reader.cardPresent()).toBe(true);
    await control(base, '/faults', { corruptNextReply: true });
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
    // A request written in three pieces still makes one frame.
    expect((await reader.readMain(0, 200)).subarray(0, 4)).toEqual(Uint8Array.from([0xa2, 0x13, 0x10, 0x91]));
  });

  it('a card pulled mid-write leaves the old purchase, and the reader says the card is gone', async () => {
    await control(base, '/faults', { tearNextWriteAfter: 4 }); // within the first bytes the write changes
    expect(
      await code(
        referenceFormat.writePurchase(
          reader,
          header.cardNo,
          { ...purchase, count: 2, volume: 500, cumulative: 1500 },
          keys,
        ),
      ),
    ).toBe('NO_CARD');
    const state = await control(base, '/state');
    expect(state.slot).toBeNull();
    await control(base, '/slot/insert', { cardId: state.cards[0].id });
    expect((await referenceFormat.read(reader)).record).toMatchObject({
      state: 'ok',
      purchase,
      repairable: true,
    });
  });

  it('a reader that stops answering (unplugged) times out, and works again once plugged back', async () => {
    await control(base, '/reader/unplug', {});
    expect(await code(reader.info())).toBe('TIMEOUT');
    await control(base, '/reader/plug', {});
    await new Promise((r) => setTimeout(r, 300));
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
  });

  it('the driver never spends the last PSC try on its own', async () => {
    for (let i = 0; i < 2; i++)
      expect(await code(reader.verifyPsc(Uint8Array.from([0, 0, 0])))).toBe('PSC_WRONG');
    expect(await code(reader.verifyPsc(keys.pscFor(header.cardNo)))).toBe('LAST_TRY_NEEDS_CONFIRMATION');
    const card = (await control(base, '/state')).cards[0];
    expect(card).toMatchObject({ triesLeft: 1, locked: false });
    await reader.verifyPsc(keys.pscFor(header.cardNo), { allowLastTry: true });
    expect((await control(base, '/state')).cards[0].triesLeft).toBe(3);
  });

  it('gasdesk card info reads the card without verifying a PSC', async () => {
    await reader.close();
    const before = (await control(base, '/state')).cards[0].triesLeft;
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'cli/bin/gasdesk.js'), 'card', 'info', '--reader', `serial:${pair.b}@115200`, '--json'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      firmware: 'GasDesk-EMU 1.0',
      present: true,
      atr: 'a2131091',
      triesLeft: 3,
      record: { state: 'ok', header: { cardNo: header.cardNo } },
    });
    expect((await control(base, '/state')).cards[0].triesLeft).toBe(before);
    reader = new CardReader(await openSerial({ path: pair.b, baudRate: 115200 }), { timeoutMs: 300 });
  });

  it('the control API refuses bad input with a clear code', async () => {
    expect(await control(base, '/slot/insert', { cardId: 'x; rm -rf' })).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    expect(await control(base, '/faults', { explode: true })).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    expect(await control(base, '/meters/M9/consume', { volume: 5 })).toMatchObject({
      error: { code: 'NO_SUCH_METER' },
    });
  });
});
