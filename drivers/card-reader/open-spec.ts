/**
 * Opens the reader an address names (reader-spec.ts parses it), whatever it speaks: the reference protocol
 * over serial or HID, PC/SC, a reader maker's library, or a meter maker's card library (which owns the card's
 * layout: the card station reads and writes its cards in that library's format, maker-format.ts). The PC/SC and library backends load their native
 * bridge (koffi) only when asked for. Runtime: Node.
 */
import { CardReader } from './reader';
import { parseReaderSpec, type ReaderSpec } from './reader-spec';
import type { ReaderOptions as RefOptions } from './reader';
import type { Sle4442Reader } from './sle4442-reader';

export { ReaderSpecError, parseReaderSpec, readerKinds } from './reader-spec';

type Opener = (rest: string, opts: RefOptions) => Promise<Sle4442Reader>;
const extOpeners = new Map<string, Opener>();

/** The extension point's other half: how a registered kind (registerReaderKind) opens its reader. */
export function registerReaderOpener(prefix: string, open: Opener): void {
  extOpeners.set(prefix, open);
}

export async function openReaderSpec(spec: string, opts: RefOptions = {}): Promise<Sle4442Reader> {
  return openReader(parseReaderSpec(spec), opts);
}

export async function openReader(r: ReaderSpec, opts: RefOptions = {}): Promise<Sle4442Reader> {
  switch (r.kind) {
    case 'serial': {
      const { openSerial } = await import('./serial-transport');
      return new CardReader(await openSerial({ path: r.path, baudRate: r.baudRate }), opts);
    }
    case 'hid': {
      const { openHid } = await import('./hid-transport');
      return new CardReader(await openHid(r.vendorId, r.productId), opts);
    }
    case 'pcsc': {
      const { openPcscReader } = await import('./pcsc/pcsc-reader');
      return openPcscReader(r.readerName, opts);
    }
    case 'lib': {
      const { openLibReader } = await import('./lib/open-lib');
      return openLibReader(r.maker, r.libraryPath, r.port, opts);
    }
    case 'maker': {
      const { openMakerReader } = await import('../card-formats/maker/maker-reader');
      return openMakerReader(r.manifestPath, opts);
    }
    case 'ext': {
      const open = extOpeners.get(r.prefix);
      if (!open) throw new Error(`reader kind ${r.prefix}: no opener registered`);
      return open(r.rest, opts);
    }
  }
}
