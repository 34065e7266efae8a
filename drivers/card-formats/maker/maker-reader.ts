/**
 * The reader behind a `maker:MANIFEST_PATH` address: a meter maker's card library owns the reader and the
 * card's layout, so this "reader" offers the card station only what such a library can do — say what it is,
 * whether a card is in, and run the card operations of its manifest (maker-format.ts reads and writes through
 * it). Byte-level SLE4442 exchanges are not the library's to give (UNKNOWN_COMMAND); the card's PSC is the
 * library's own business, presented by it on each write, so GasDesk never presents one (verifyPsc is a no-op
 * and the error counter reads as 3 unless the library says the card is locked). The library's errors become the
 * host driver's own codes (ReaderError) where the counter acts on them — no card, not this maker's card, PSC,
 * locked, a call cut by the timeout (the reader reported stuck), uncertain writes — and stay the counter's
 * error codes (AppError) where they are only told: a library unusable, a write refused. Runtime: Node.
 */
import { AppError } from '../../../core/errors';
import { STUCK } from '../../card-reader/ffi/ffi-call';
import { ReaderError } from '../../card-reader/reader-error';
import { CloseListeners, type ReaderOptions, type Sle4442Reader } from '../../card-reader/sle4442-reader';
import { libraryFileProblem } from '../../ffi/library-file';
import { loadMakerManifest, MakerCardError, MakerCardPlugin } from './maker-library';

const NOT_BYTES = '表厂卡库自己读写卡，不提供按字节的读写';

/** A maker library's failure as the host driver's error (ReaderError) or the counter's (AppError). */
export function hostError(e: unknown): unknown {
  if (!(e instanceof MakerCardError)) return e;
  const detail = e.detail;
  if (e.cut) return new ReaderError('TIMEOUT', undefined, `${STUCK}：表厂卡库调用没有返回（${detail}）`);
  switch (e.code) {
    case 'NO_CARD':
      return new ReaderError('NO_CARD', undefined, detail);
    case 'CARD_FOREIGN':
      return new ReaderError('WRONG_CARD_TYPE', undefined, detail);
    case 'CARD_LOCKED':
      return new ReaderError('CARD_LOCKED', 0, detail);
    case 'CARD_PSC_WRONG':
      return new ReaderError('PSC_WRONG', undefined, detail);
    case 'CARD_WRITE_UNCERTAIN':
      // The write may or may not have reached the card: the card writer reads it back and the journal settles.
      return new ReaderError('WRITE_NOT_CONFIRMED', undefined, detail);
    case 'READER_UNAVAILABLE':
      return new ReaderError('DISCONNECTED', undefined, detail);
    default:
      return new AppError(e.code, { detail });
  }
}

export class MakerReader implements Sle4442Reader {
  private closed = false;
  private readonly closeListeners = new CloseListeners();

  constructor(
    readonly plugin: MakerCardPlugin,
    readonly description: string,
  ) {}

  get connected(): boolean {
    return !this.closed;
  }

  /** Runs one of the plug-in's operations with its errors as the host driver's. */
  async run<T>(op: (p: MakerCardPlugin) => Promise<T>): Promise<T> {
    if (this.closed) throw new ReaderError('DISCONNECTED');
    try {
      return await op(this.plugin);
    } catch (e) {
      throw hostError(e);
    }
  }

  async info(): Promise<string> {
    return `${this.plugin.name}（表厂卡库 ${this.plugin.library}）`;
  }

  async cardPresent(): Promise<boolean> {
    try {
      await this.run((p) => p.readCard());
      return true;
    } catch (e) {
      if (e instanceof ReaderError && e.code === 'NO_CARD') return false;
      throw e;
    }
  }

  async powerOn(): Promise<Uint8Array> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async powerOff(): Promise<void> {}
  async readMain(): Promise<Uint8Array> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async readImage(): Promise<Uint8Array> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async updateMain(): Promise<void> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async readProtection(): Promise<Uint8Array> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async writeProtection(): Promise<void> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  /** The library keeps the card's PSC to itself; a locked card is its CARD_LOCKED on the next operation. */
  async triesLeft(): Promise<number> {
    return 3;
  }
  /** The library presents the card's PSC itself on each write: GasDesk never presents one. */
  async verifyPsc(): Promise<void> {}
  async changePsc(): Promise<void> {
    throw new ReaderError('UNKNOWN_COMMAND', undefined, NOT_BYTES);
  }
  async beep(): Promise<void> {}

  onClose(cb: (err?: Error) => void): void {
    this.closeListeners.add(cb);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.plugin.close();
  }
}

/**
 * Opens `maker:MANIFEST_PATH`: the manifest read and checked, its library found and of this machine's kind —
 * otherwise a Chinese error at once (the counter runs on without this reader). The library itself is loaded in
 * its host process on the first card operation.
 */
export async function openMakerReader(manifestPath: string, _opts: ReaderOptions = {}): Promise<MakerReader> {
  let loaded: ReturnType<typeof loadMakerManifest>;
  try {
    loaded = loadMakerManifest(manifestPath);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError('VALIDATION_FAILED', {
      detail: missing
        ? `找不到表厂卡库清单 ${manifestPath}`
        : e instanceof SyntaxError
          ? `表厂卡库清单不是有效的 JSON：${manifestPath}`
          : (e as Error).message,
    });
  }
  const { manifest, library } = loaded;
  const problem = libraryFileProblem(library);
  if (problem?.kind === 'missing') throw new AppError('CARD_LIBRARY_MISSING', { detail: library });
  if (problem)
    throw new AppError('CARD_LIBRARY_INVALID', {
      detail:
        problem.kind === 'wrong-architecture'
          ? `${library}：${problem.found} 架构的库，本机为 ${problem.expected}`
          : library,
    });
  return new MakerReader(new MakerCardPlugin(manifest, library), `${manifest.name}（maker:${manifestPath}）`);
}
