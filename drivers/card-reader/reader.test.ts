import { describe, expect, it } from 'vitest';
import { ReaderEmulator } from './emulator';
import { memoryTransport } from './memory-transport';
import { CardReader, ReaderError } from './reader';
import { Sle4442 } from './sle4442';

const PSC = new Uint8Array([1, 2, 3]);

function rig(timeoutMs = 60) {
  const emu = new ReaderEmulator();
  const card = Sle4442.blank([1, 2, 3]);
  emu.insert(card);
  const link = memoryTransport(emu);
  const reader = new CardReader(link, { timeoutMs });
  return { emu, card, link, reader };
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ReaderError) return e.code;
    throw e;
  }
};

describe('card reader driver over the reference protocol', () => {
  it('reads the firmware, presence, ATR and the whole image', async () => {
    const { reader } = rig();
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
    expect(await reader.cardPresent()).toBe(true);
    expect([...(await reader.powerOn())]).toEqual([0xa2, 0x13, 0x10, 0x91]);
    const img = await reader.readImage();
    expect(img).toHaveLength(256);
    expect(img[4]).toBe(0xff);
  });

  it('writes after verification and confirms by reading back', async () => {
    const { reader, card } = rig();
    await reader.powerOn();
    expect(await code(reader.updateMain(40, new Uint8Array([9])))).toBe('NOT_VERIFIED');
    await reader.verifyPsc(PSC);
    await reader.updateMain(40, new Uint8Array([9, 8, 7]));
    expect([...card.main.subarray(40, 43)]).toEqual([9, 8, 7]);
  });

  it('retries a read after a lost reply, noise or a corrupted reply', async () => {
    const { reader, emu } = rig();
    emu.faults.dropNextReplies = 1;
    expect(await reader.cardPresent()).toBe(true);
    emu.faults.noiseBeforeNextReply = [0x55, 0x02, 0x00];
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
    emu.faults.corruptNextReply = true;
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
  });

  it('never resends a write blindly: a lost reply is settled by reading back', async () => {
    const { reader, emu, card } = rig();
    await reader.powerOn();
    await reader.verifyPsc(PSC);
    let writes = 0;
    const handle = emu.handle.bind(emu);
    emu.handle = (chunk) => {
      if (chunk[3] === 0x21) writes++;
      return handle(chunk);
    };
    emu.faults.dropNextReplies = 1; // the write is applied but its reply is lost
    await reader.updateMain(50, new Uint8Array([1, 2]));
    expect(writes).toBe(1);
    expect([...card.main.subarray(50, 52)]).toEqual([1, 2]);
  });

  it('never retries a PSC verification, even after a lost reply', async () => {
    const { reader, emu } = rig();
    await reader.powerOn();
    const handle = emu.handle.bind(emu);
    emu.handle = (chunk) => {
      const replies = handle(chunk);
      return chunk[3] === 0x25 ? [] : replies; // the verify is executed but its reply is lost
    };
    expect(await code(reader.verifyPsc(new Uint8Array([9, 9, 9])))).toBe('TIMEOUT');
    expect(emu.verifyAttempts).toHaveLength(1);
    expect(await reader.triesLeft()).toBe(2);
  });

  it('refuses to verify with one try left unless the operator confirms — so the driver alone never locks a card', async () => {
    const { reader, emu, card } = rig();
    await reader.powerOn();
    expect(await code(reader.verifyPsc(new Uint8Array([9, 9, 9])))).toBe('PSC_WRONG');
    expect(await code(reader.verifyPsc(new Uint8Array([9, 9, 9])))).toBe('PSC_WRONG');
    expect(await code(reader.verifyPsc(PSC))).toBe('LAST_TRY_NEEDS_CONFIRMATION');
    expect(emu.verifyAttempts).toHaveLength(2);
    expect(card.isLocked).toBe(false);
    await reader.verifyPsc(PSC, { allowLastTry: true });
    expect(card.triesLeft).toBe(3);
  });

  it('reports a third wrong PSC (asked for) as a locked card', async () => {
    const { reader, card } = rig();
    await reader.powerOn();
    for (let i = 0; i < 2; i++) await code(reader.verifyPsc(new Uint8Array([0, 0, 0])));
    expect(await code(reader.verifyPsc(new Uint8Array([0, 0, 0]), { allowLastTry: true }))).toBe(
      'CARD_LOCKED',
    );
    expect(card.isLocked).toBe(true);
    expect(await code(reader.verifyPsc(PSC, { allowLastTry: true }))).toBe('CARD_LOCKED');
  });

  it('reports a card pulled between verification and write, and mid-write', async () => {
    const { reader, emu, card } = rig();
    await reader.powerOn();
    await reader.verifyPsc(PSC);
    emu.faults.pullBeforeNextWrite = true;
    expect(await code(reader.updateMain(60, new Uint8Array([1, 2, 3])))).toBe('NO_CARD');
    emu.insert(card);
    await reader.verifyPsc(PSC);
    emu.faults.tearNextWriteAfter = 2;
    expect(await code(reader.updateMain(60, new Uint8Array([1, 2, 3])))).toBe('NO_CARD');
    expect([...card.main.subarray(60, 63)]).toEqual([1, 2, 0xff]);
  });

  it('fails fast when the reader is unplugged mid-command', async () => {
    const emu = new ReaderEmulator();
    const link = memoryTransport(emu, { delayMs: 30 });
    const reader = new CardReader(link, { timeoutMs: 500 });
    const pending = code(reader.info());
    setTimeout(() => link.unplug(), 5);
    expect(await pending).toBe('DISCONNECTED');
    expect(reader.connected).toBe(false);
    expect(await code(reader.info())).toBe('DISCONNECTED');
  });

  it('tells a foreign card and an empty slot apart', async () => {
    const { reader, emu } = rig();
    emu.remove();
    expect(await code(reader.powerOn())).toBe('NO_CARD');
    emu.insert({ foreign: true });
    expect(await code(reader.powerOn())).toBe('WRONG_CARD_TYPE');
  });
});
