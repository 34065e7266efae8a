/**
 * One reader under test with its card slot and faults, whatever it speaks — so one suite (reader-suite.ts)
 * runs the same steps and assertions against each transport: the reference protocol over a socat pty, PC/SC
 * through pcscd + vpcd and the virtual card, and the 明华/德卡 stub libraries. The stand-ins (emulator,
 * virtual card, stub libraries) are test doubles; the driver above each is the real one.
 */
import { AREA } from '../../core/card/gas-card';
import { openMakerReader } from '../../drivers/card-formats/maker/maker-reader';
import { ReaderEmulator } from '../../drivers/card-reader/emulator';
import { openLibReader } from '../../drivers/card-reader/lib/open-lib';
import { openPcscReader, type PcscReader } from '../../drivers/card-reader/pcsc/pcsc-reader';
import { VirtualCard } from '../../drivers/card-reader/pcsc/virtual-card';
import { CardReader } from '../../drivers/card-reader/reader';
import { serveOnSerial } from '../../drivers/card-reader/serial-emulator';
import { openSerial } from '../../drivers/card-reader/serial-transport';
import { Sle4442 } from '../../drivers/card-reader/sle4442';
import type { ReaderOptions, Sle4442Reader } from '../../drivers/card-reader/sle4442-reader';
import { tempDir } from './temp-dir';
import { buildMakerTestDouble, type MakerTestDouble } from './maker-card-test-double';
import { holdPcsc, startPcscd, stopOwnPcscd, VPCD_READER } from './pcscd';
import { ptyPair } from './socat';
import { buildStubLibs, type Maker, stubControl } from './stub-libs';

export interface ReaderRig {
  readonly name: string;
  open(opts: ReaderOptions): Promise<Sle4442Reader>;
  /** A new blank card in the slot, seen by the reader. */
  insertBlank(): Promise<void>;
  /** The card last in the slot put back, seen by the reader. */
  reinsert(): Promise<void>;
  slotEmpty(): boolean;
  /**
   * The card leaves the reader during the next purchase write: before the purchase reached it (an SLE4442's
   * primary area torn), or once it has (its backup area torn).
   */
  tearNextWrite(reached: boolean): void;
  /** The card leaves just before the next main-memory write. */
  pullBeforeNextWrite(): void;
  /** PSC presentations the card has seen. */
  verifyAttempts(): number;
  close(): Promise<void>;
}

/** Where an SLE4442 write is torn: 9 bytes into the primary area (not reached), or 5 into the backup (reached). */
const tearAt = (reached: boolean): [number, number] =>
  reached ? [AREA.backup.start, 5] : [AREA.primary.start, 9];

/** The parts of a rig whose card is the reader emulator's slot (serial, PC/SC virtual card). */
function emulatorSlot(emu: ReaderEmulator) {
  let last: Sle4442 | null = null;
  return {
    newCard: () => {
      last = Sle4442.blank();
      return last;
    },
    lastCard: () => last!,
    slotEmpty: () => emu.card === null,
    tearNextWrite(reached: boolean) {
      const [addr, bytes] = tearAt(reached);
      const handle = emu.handle.bind(emu);
      emu.handle = (chunk) => {
        if (chunk[3] === 0x21 && chunk[4] === addr) {
          emu.faults.tearNextWriteAfter = bytes;
          emu.handle = handle;
        }
        return handle(chunk);
      };
    },
    pullBeforeNextWrite: () => {
      emu.faults.pullBeforeNextWrite = true;
    },
    verifyAttempts: () => emu.verifyAttempts.length,
  };
}

export async function serialRig(): Promise<ReaderRig> {
  const emu = new ReaderEmulator();
  emu.programMsPerByte = 0;
  const pair = await ptyPair(tempDir('gasdesk-rig-', { shared: true }));
  const link = await serveOnSerial(emu, { path: pair.a, baudRate: 115200 });
  const slot = emulatorSlot(emu);
  return {
    name: 'serial (reference protocol)',
    open: async (o) => new CardReader(await openSerial({ path: pair.b, baudRate: 115200 }), o),
    insertBlank: async () => emu.insert(slot.newCard()),
    reinsert: async () => emu.insert(slot.lastCard()),
    ...slot,
    async close() {
      await link.close();
      pair.stop();
    },
  };
}

export async function pcscRig(): Promise<ReaderRig & { card: VirtualCard; lastCard(): Sle4442 }> {
  const release = await holdPcsc();
  await startPcscd();
  const card = new VirtualCard();
  const slot = emulatorSlot(card.emulator);
  // A reader of its own tells when pcscd has seen the card come and go (the tests wait for that, not a time);
  // opened again after pcscd was restarted.
  let watcher: PcscReader | null = null;
  let present: boolean | null = null;
  const changed = new Set<() => void>();
  const seen = async (want: boolean) => {
    if (!watcher?.connected) {
      present = null;
      watcher = await openPcscReader(VPCD_READER, {});
      watcher.events.on('card', (p) => {
        present = p;
        for (const f of changed) f();
      });
    }
    while (present !== want)
      await new Promise<void>((r) => {
        changed.clear();
        changed.add(r);
      });
  };
  const put = async (c: Sle4442) => {
    if (card.card) card.remove();
    await seen(false);
    await card.insert(c);
    await seen(true);
  };
  return {
    name: 'PC/SC (pcscd + vpcd + virtual card)',
    card,
    open: (o) => openPcscReader(VPCD_READER, o),
    insertBlank: () => put(slot.newCard()),
    reinsert: () => put(slot.lastCard()),
    ...slot,
    async close() {
      card.remove();
      await watcher?.close();
      await stopOwnPcscd();
      release();
    },
  };
}

export async function libRig(maker: Maker): Promise<ReaderRig & { control: ReturnType<typeof stubControl> }> {
  const path = buildStubLibs().lib[maker];
  const control = stubControl(path);
  return {
    name: `${maker} stub library`,
    control,
    open: (o) => openLibReader(maker, path, maker === 'mwic' ? 0 : 100, o),
    insertBlank: async () => control.set('insert_blank'),
    reinsert: async () => control.set('reinsert'),
    slotEmpty: () => control.peek('present') === 0,
    tearNextWrite(reached) {
      const [addr, bytes] = tearAt(reached);
      control.set('tear_addr', addr);
      control.set('tear_bytes', bytes);
    },
    pullBeforeNextWrite: () => control.set('pull_before_write'),
    verifyAttempts: () => control.peek('verify_attempts'),
    async close() {},
  };
}

/**
 * A meter maker's card library through its manifest (`maker:`): the worked example's library, a test double
 * built with cc, owns the card and its PSC; its slot is a state file the rig writes.
 */
export async function makerRig(): Promise<ReaderRig & { lib: MakerTestDouble }> {
  const lib = buildMakerTestDouble(tempDir('gasdesk-maker-rig-', { shared: true }));
  return {
    name: 'maker card library (demo manifest, stub library)',
    lib,
    open: (o) => openMakerReader(lib.manifest, o),
    insertBlank: async () => lib.blank(),
    reinsert: async () => lib.reinsert(),
    slotEmpty: () => lib.card() === null,
    tearNextWrite: (reached) => lib.tearNextWrite(reached ? 'tear-written' : 'tear-unwritten'),
    pullBeforeNextWrite: () => lib.tearNextWrite('pull-before-write'),
    // The library presents the card's PSC itself; GasDesk never does.
    verifyAttempts: () => 0,
    async close() {},
  };
}
