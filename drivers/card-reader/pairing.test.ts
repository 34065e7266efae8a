import { describe, expect, it } from 'vitest';
import { ReaderEmulator } from './emulator';
import { encodeFrame, FrameDecoder } from './frame';
import { memoryTransport } from './memory-transport';
import { CMD, STATUS } from './protocol';
import { CardReader, ReaderError } from './reader';
import { Sle4442 } from './sle4442';
import type { ReaderTransport } from './transport';

const PSC = new Uint8Array([1, 2, 3]);

/** A link whose replies the test can hold back and release, or slip foreign frames into. */
function manualLink(emu: ReaderEmulator) {
  let rx: (c: Uint8Array) => void = () => {};
  let held: Uint8Array[] | null = null;
  const deliver = (frames: Uint8Array[]) =>
    setImmediate(() => {
      for (const f of frames) rx(f);
    });
  const transport: ReaderTransport = {
    description: 'manual',
    write: async (bytes) => {
      const replies = emu.handle(bytes);
      if (held) held.push(...replies);
      else deliver(replies);
    },
    onData: (cb) => {
      rx = cb;
    },
    onClose: () => {},
    close: async () => {},
  };
  return {
    transport,
    hold: () => {
      held = [];
    },
    release: () => {
      const frames = held ?? [];
      held = null;
      deliver(frames);
    },
    inject: (frame: Uint8Array) => deliver([frame]),
  };
}

function cardIn(emu: ReaderEmulator): Sle4442 {
  const card = Sle4442.blank([1, 2, 3]);
  for (let i = 32; i < 256; i++) card.main[i] = i;
  emu.insert(card);
  return card;
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

describe('pairing replies with requests on a protocol without sequence numbers', () => {
  it('a reader answering three timeouts late is slow, never wrong: reads and a verified write succeed', async () => {
    const emu = new ReaderEmulator();
    const card = cardIn(emu);
    emu.faults.replyDelayMs = 150;
    const reader = new CardReader(memoryTransport(emu), { timeoutMs: 50, lateReplyMs: 1000 });
    expect(await reader.cardPresent()).toBe(true);
    expect([...(await reader.powerOn())]).toEqual([0xa2, 0x13, 0x10, 0x91]);
    expect([...(await reader.readImage())]).toEqual([...card.main]);
    expect(await reader.triesLeft()).toBe(3);
    await reader.verifyPsc(PSC);
    await reader.updateMain(40, Uint8Array.of(7, 8, 9));
    expect([...card.main.subarray(40, 43)]).toEqual([7, 8, 9]);
    expect(emu.verifyAttempts).toHaveLength(1);
    // Late replies were either discarded or answered the very same read sent again; none was taken for another.
    expect(reader.stats.late + reader.stats.reused).toBeGreaterThan(0);
    expect(reader.stats.stray).toBe(0);
  });

  it('a late reply arriving during the next, different request is discarded and counted', async () => {
    const emu = new ReaderEmulator();
    cardIn(emu);
    const link = manualLink(emu);
    const reader = new CardReader(link.transport, { timeoutMs: 150, lateReplyMs: 300 });
    link.hold();
    expect(await code(reader.beep())).toBe('TIMEOUT');
    const handle = emu.handle.bind(emu);
    emu.handle = (chunk) => {
      const replies = handle(chunk);
      if (chunk[3] === CMD.status) setImmediate(link.release); // the beep's reply comes now, then the status
      return replies;
    };
    expect(await reader.cardPresent()).toBe(true);
    expect(reader.stats).toMatchObject({ lost: 1, stray: 0 });
    expect(reader.stats.late).toBeGreaterThanOrEqual(1); // the beep's (and the status's own, had it timed out)
  });

  it('a reply that does not fit the request (length, status) is discarded, and the right one is taken', async () => {
    const emu = new ReaderEmulator();
    cardIn(emu);
    const link = manualLink(emu);
    const reader = new CardReader(link.transport, { timeoutMs: 1000 });
    await reader.powerOn();
    const handle = emu.handle.bind(emu);
    emu.handle = (chunk) => {
      const replies = handle(chunk);
      if (chunk[3] !== CMD.readErrorCounter) return replies;
      // Before the real answer: a power-on's ATR (4 bytes), a counter of 9 (an SLE4442 has 3 tries), and a
      // wrong-PSC status, which only a verification can get.
      link.inject(encodeFrame(STATUS.ok, [0xa2, 0x13, 0x10, 0x91]));
      link.inject(encodeFrame(STATUS.ok, [9]));
      link.inject(encodeFrame(STATUS.pscWrong, [2]));
      return replies;
    };
    expect(await reader.triesLeft()).toBe(3);
    expect(reader.stats.stray).toBe(3);
  });

  it('a duplicated reply is discarded, whether it comes alone or during the next request', async () => {
    const emu = new ReaderEmulator();
    const card = cardIn(emu);
    const reader = new CardReader(memoryTransport(emu), { timeoutMs: 200 });
    emu.faults.duplicateNextReply = true;
    expect([...(await reader.readImage())]).toEqual([...card.main]);
    expect(await reader.triesLeft()).toBe(3);
    emu.faults.duplicateNextReply = true;
    expect(await reader.triesLeft()).toBe(3);
    await reader.verifyPsc(PSC);
    expect(reader.stats.stray).toBe(2);
    expect(emu.verifyAttempts).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('a garbled reply is read again; a lost one is given up and counted', async () => {
    const emu = new ReaderEmulator();
    const card = cardIn(emu);
    const reader = new CardReader(memoryTransport(emu), { timeoutMs: 200 });
    emu.faults.corruptNextReply = true;
    expect([...(await reader.readImage())]).toEqual([...card.main]);
    emu.faults.dropNextReplies = 1;
    expect(await reader.triesLeft()).toBe(3);
    expect(await reader.cardPresent()).toBe(true);
    expect(reader.stats.garbled).toBe(1);
    expect(reader.stats.lost).toBe(1);
  });
});

describe('the emulator', () => {
  it('answers an unknown command with 09 whatever the slot holds', () => {
    const emu = new ReaderEmulator();
    const status = () => {
      const [reply] = emu.handle(encodeFrame(0x7e, [1, 2]));
      const [ev] = new FrameDecoder().push(reply!);
      return ev?.type === 'frame' ? ev.frame.head : -1;
    };
    expect(status()).toBe(STATUS.unknownCommand);
    emu.insert({ foreign: true });
    expect(status()).toBe(STATUS.unknownCommand);
    cardIn(emu);
    expect(status()).toBe(STATUS.unknownCommand);
  });
});
