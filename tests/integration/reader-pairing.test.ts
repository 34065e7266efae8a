/**
 * Pairing of replies with requests on a real serial line (a socat pty pair, serialport on both ends): a slow
 * reader, duplicated, lost, garbled and late replies. The emulator runs in this process on one end of the pair.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardKeys } from '../../drivers/card-formats/keys';
import { referenceFormat } from '../../drivers/card-formats/reference-format';
import { ReaderEmulator } from '../../drivers/card-reader/emulator';
import { CMD } from '../../drivers/card-reader/protocol';
import { CardReader } from '../../drivers/card-reader/reader';
import { type SerialEmulatorLink, serveOnSerial } from '../../drivers/card-reader/serial-emulator';
import { openSerial } from '../../drivers/card-reader/serial-transport';
import { Sle4442 } from '../../drivers/card-reader/sle4442';
import { tempDir } from '../support/app';
import { ptyPair, ROOT } from '../support/socat';

const BAUD = 115200;
const keys = cardKeys(Buffer.from('cd'.repeat(32), 'hex'));
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000077', accountNo: '010101000077' };
const purchase = {
  count: 1,
  volume: 1250,
  cumulative: 1250,
  writtenAt: 1_790_000_000,
  counterCode: '010101',
};

let pair: Awaited<ReturnType<typeof ptyPair>>;
let emu: ReaderEmulator;
let link: SerialEmulatorLink;
const readers: CardReader[] = [];

/** A host on the other end, with the card station's timeout unless told otherwise. */
async function host(opts: { timeoutMs?: number; lateReplyMs?: number } = {}): Promise<CardReader> {
  const r = new CardReader(await openSerial({ path: pair.b, baudRate: BAUD }), { timeoutMs: 800, ...opts });
  readers.push(r);
  return r;
}

/** An issued card in the slot, and no fault left over. */
async function freshCard(): Promise<Sle4442> {
  emu.faults = {};
  const card = Sle4442.blank([0xff, 0xff, 0xff]);
  emu.insert(card);
  const r = await host();
  await referenceFormat.issue(r, header, keys);
  await r.close();
  return card;
}

beforeAll(async () => {
  pair = await ptyPair(tempDir('gasdesk-pairing-', { shared: true }));
  emu = new ReaderEmulator();
  link = await serveOnSerial(emu, { path: pair.a, baudRate: BAUD });
});

afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

afterAll(async () => {
  await link?.close();
  pair?.stop();
});

describe('a host on a real serial line pairs every reply with its request', () => {
  it('a reader whose replies are 1.25 s late: the card reads good and the sale is written, slower; no reply is taken for another', async () => {
    const card = await freshCard();
    emu.faults.replyDelayMs = 1250;
    const r = await host();
    const { record } = await referenceFormat.read(r);
    expect(record).toMatchObject({ state: 'ok', header });
    await referenceFormat.writePurchase(r, header.cardNo, purchase, keys);
    emu.faults.replyDelayMs = 0;
    expect(emu.verifyAttempts.filter((v) => !v.ok)).toEqual([]);
    expect(r.stats.stray).toBe(0);
    expect(r.stats.late + r.stats.reused).toBeGreaterThan(0);
    await r.close();
    const { record: after } = await referenceFormat.read(await host());
    expect(after).toMatchObject({ state: 'ok', purchase, pending: true });
    expect(card.triesLeft).toBe(3);
  }, 120_000);

  it('gasdesk card info, with its own defaults, reads the same slow reader right', async () => {
    await freshCard();
    emu.faults.replyDelayMs = 1250;
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'cli/bin/gasdesk.js'), 'card', 'info', '--reader', `serial:${pair.b}@${BAUD}`, '--json'],
        { cwd: ROOT },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => {
        stdout += c;
      });
      child.stderr.on('data', (c) => {
        stderr += c;
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    emu.faults.replyDelayMs = 0;
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      firmware: 'GasDesk-EMU 1.0',
      present: true,
      triesLeft: 3,
      record: { state: 'ok', header: { cardNo: header.cardNo } },
    });
  }, 120_000);

  it('a late reply arriving during the next request is discarded and counted', async () => {
    await freshCard();
    const r = await host({ timeoutMs: 300, lateReplyMs: 600 });
    link.hold();
    await expect(r.beep()).rejects.toMatchObject({ code: 'TIMEOUT' });
    // The reader answers the beep only once the next request (a status) has reached it.
    const handle = emu.handle.bind(emu);
    emu.handle = (chunk) => {
      const replies = handle(chunk);
      if (chunk[3] === CMD.status) setImmediate(() => link.release());
      return replies;
    };
    try {
      expect(await r.cardPresent()).toBe(true);
    } finally {
      emu.handle = handle;
      link.release();
    }
    expect(r.stats.late).toBeGreaterThanOrEqual(1);
    expect(r.stats.stray).toBe(0);
  }, 60_000);

  it('duplicated, lost and garbled replies during a sale: the sale is written right, every odd reply counted', async () => {
    await freshCard();
    const r = await host();
    emu.faults.duplicateNextReply = true;
    expect((await referenceFormat.read(r)).record).toMatchObject({ state: 'ok', header });
    emu.faults.corruptNextReply = true;
    expect(await r.triesLeft()).toBe(3);
    // The power-on's reply is lost (the write starts with it): read again, and the sale goes on.
    emu.faults.dropNextReplies = 1;
    await referenceFormat.writePurchase(r, header.cardNo, purchase, keys);
    expect((await referenceFormat.read(r)).record).toMatchObject({ state: 'ok', purchase });
    // At least these (a loaded machine may add a late reply or a retry of its own).
    expect(r.stats.stray).toBeGreaterThanOrEqual(1); // the duplicate
    expect(r.stats.garbled).toBeGreaterThanOrEqual(1);
    expect(r.stats.lost).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
