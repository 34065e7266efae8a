/**
 * PC/SC through the real stack: Debian's pcscd, vsmartcard's vpcd IFD handler, and the virtual card
 * (drivers/card-reader/pcsc/virtual-card.ts, a test double speaking vpcd's socket protocol over the SLE4442
 * model). The shared reader suite first, then what only PC/SC has: reader names, insertion and removal
 * events, a card leaving mid-APDU, a status word the manual does not list, and pcscd stopped and restarted
 * under a running connection. pcscd has one socket per machine, so every PC/SC test lives in this file.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderConnection } from '../../drivers/card-reader/connection';
import { FOREIGN_CARD } from '../../drivers/card-reader/emulator';
import { listPcscReaders, openPcscReader, type PcscReader } from '../../drivers/card-reader/pcsc/pcsc-reader';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import { startPcscd, stopPcscd, VPCD_READER } from '../support/pcscd';
import { pcscRig } from '../support/reader-rig';
import { readerSuite } from '../support/reader-suite';
import { ROOT } from '../support/socat';

describe('PC/SC shared suite', () => readerSuite(pcscRig));

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof ReaderError ? e.code : String(e)),
  );

describe('PC/SC: what only pcscd has', () => {
  let rig: Awaited<ReturnType<typeof pcscRig>>;
  let reader: PcscReader;

  beforeAll(async () => {
    rig = await pcscRig();
    reader = await openPcscReader(VPCD_READER, { timeoutMs: 800 });
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
    await rig?.close();
  });

  it('lists the readers by name, and a name not among them is a clear DISCONNECTED', async () => {
    expect(await listPcscReaders()).toContain(VPCD_READER);
    const e = await openPcscReader('ACS ACR39U 00 00', {}).catch((x) => x);
    expect(e).toBeInstanceOf(ReaderError);
    expect(e).toMatchObject({ code: 'DISCONNECTED' });
    expect(e.detail).toContain(VPCD_READER);
  });

  it('reports card insertion and removal as events', async () => {
    const events: boolean[] = [];
    reader.events.on('card', (p) => events.push(p));
    await rig.insertBlank();
    expect(await reader.cardPresent()).toBe(true);
    const gone = new Promise((r) => reader.events.once('card', r));
    rig.card.remove();
    await gone;
    expect(await reader.cardPresent()).toBe(false);
    expect(events).toEqual([true, false]);
  });

  it('a card leaving mid-APDU: NO_CARD, only the bytes before the cut written, no PSC presented again', async () => {
    await rig.insertBlank();
    await reader.powerOn();
    await reader.verifyPsc(Uint8Array.from([0xff, 0xff, 0xff]));
    const attempts = rig.verifyAttempts();
    rig.card.emulator.faults.cutAt = { write: 0, byte: 3 };
    expect(await code(reader.updateMain(64, Uint8Array.from([1, 2, 3, 4, 5, 6])))).toBe('NO_CARD');
    expect(rig.slotEmpty()).toBe(true);
    expect([...rig.lastCard().main.subarray(64, 70)]).toEqual([1, 2, 3, 0xff, 0xff, 0xff]);
    expect(rig.verifyAttempts()).toBe(attempts);
  });

  it('a status word the manual does not list is a clear error, never success and never a spent PSC try', async () => {
    await rig.insertBlank();
    await reader.powerOn();
    rig.card.nextSw = 0x6c12;
    const read = await reader.readMain(0, 4).catch((e) => e);
    expect(read).toMatchObject({ code: 'FRAME_ERROR' });
    expect(read.detail).toContain('6C12');
    const attempts = rig.verifyAttempts();
    rig.card.nextSw = 0x9ab0;
    expect(await code(reader.verifyPsc(Uint8Array.from([0xff, 0xff, 0xff])))).toBe('FRAME_ERROR');
    expect(rig.verifyAttempts()).toBe(attempts);
    expect(await reader.triesLeft()).toBe(3);
  });

  it('a card that is not an SLE4442 is WRONG_CARD_TYPE', async () => {
    rig.card.remove();
    await rig.card.insert(FOREIGN_CARD);
    await new Promise<void>((r) => {
      const on = (p: boolean) => {
        if (!p) return;
        reader.events.off('card', on);
        r();
      };
      reader.events.on('card', on);
    });
    expect(await code(reader.powerOn())).toBe('WRONG_CARD_TYPE');
    rig.card.remove();
  });

  it('gasdesk card info --reader pcsc:NAME reads the card without presenting a PSC', async () => {
    await rig.insertBlank();
    const attempts = rig.verifyAttempts();
    // Not spawnSync: the virtual card answers from this process's event loop.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, 'cli/bin/gasdesk.js'),
        'card',
        'info',
        '--reader',
        `pcsc:${VPCD_READER}`,
        '--json',
      ];
      const child = execFile(process.execPath, args, { encoding: 'utf8' }, (_e, stdout, stderr) =>
        resolve({ status: child.exitCode, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      firmware: `PC/SC ${VPCD_READER}`,
      present: true,
      atr: 'a2131091',
      triesLeft: 3,
      record: { state: 'blank' },
    });
    expect(rig.verifyAttempts()).toBe(attempts);
  });

  it('pcscd stopped and restarted under a running connection: disconnected, then connected again', async () => {
    const conn = new ReaderConnection((o) => openPcscReader(VPCD_READER, o), {
      timeoutMs: 800,
      retryMs: 100,
    });
    const status = (want: string) =>
      new Promise<void>((r) => {
        const on = (s: string) => {
          if (s !== want) return;
          conn.off('status', on);
          r();
        };
        conn.on('status', on);
      });
    expect(await (await conn.get()).info()).toBe(`PC/SC ${VPCD_READER}`);
    const down = status('disconnected');
    await stopPcscd();
    await down;
    expect(await code(conn.get())).toBe('DISCONNECTED');
    const up = status('connected');
    await startPcscd();
    await up;
    await rig.insertBlank();
    const r = await conn.get();
    expect([...(await r.powerOn())]).toEqual([0xa2, 0x13, 0x10, 0x91]);
    expect(await r.triesLeft()).toBe(3);
    await conn.close();
  });
});
