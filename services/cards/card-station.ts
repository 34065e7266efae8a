/**
 * The card station of this counter: the reader (owned by this process, opened lazily and watched), the card
 * formats, the card keys and the region. In demo mode the reader is the training world's emulator,
 * in-process. Runtime: Node.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CardRecord } from '../../core/card/gas-card';
import { AppError } from '../../core/errors';
import type { CardFormat, CardKeys } from '../../drivers/card-formats/card-format';
import { ownFormatOf } from '../../drivers/card-formats/maker/maker-format';
import { formatFor, referenceFormat } from '../../drivers/card-formats/reference-format';
import { ReaderConnection } from '../../drivers/card-reader/connection';
import { isStuck } from '../../drivers/card-reader/ffi/ffi-call';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import type { ReaderOptions, Sle4442Reader } from '../../drivers/card-reader/sle4442-reader';
import type { TrainingWorld } from '../../drivers/emulator/world';

export interface CardStationOptions {
  /** Opens the reader (any backend: open-spec.ts), with the station's options (its timeout). */
  open: (opts: ReaderOptions) => Promise<Sle4442Reader>;
  keys: CardKeys;
  /** The region code written on cards and checked by meters. */
  region: number;
  description: string;
  world?: TrainingWorld;
  timeoutMs?: number;
}

export interface CardInReader {
  reader: Sle4442Reader;
  format: CardFormat;
  image: Uint8Array;
  record: CardRecord;
  triesLeft: number;
}

export class CardStation {
  readonly connection: ReaderConnection;
  readonly keys: CardKeys;
  readonly region: number;
  readonly description: string;
  readonly world?: TrainingWorld;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly inTurn = new AsyncLocalStorage<true>();

  constructor(opts: CardStationOptions) {
    this.connection = new ReaderConnection(opts.open, { timeoutMs: opts.timeoutMs ?? 800, retryMs: 2000 });
    this.keys = opts.keys;
    this.region = opts.region;
    this.description = opts.description;
    this.world = opts.world;
  }

  async reader(): Promise<Sle4442Reader> {
    try {
      return await this.connection.get();
    } catch {
      // The detail says why: e.g. the port held by another program, named (port-open-error.ts).
      throw new AppError('READER_UNAVAILABLE', { detail: this.connection.lastError });
    }
  }

  /**
   * Runs one card operation with no other in between: a read, an issue, a sale's write from journal entry to
   * settlement. Each exchange starts by powering the card up, which on an SLE4442 undoes a PSC check (a read
   * by the screen between a write's PSC check and its writes made the write fail); and a read settles the
   * card's pending writes from what it finds (one still being written would be settled as not written).
   * Re-entrant: an operation that reads and then writes takes its turn once. Taken where a card use case
   * starts — the card handlers (services/cards/handlers.ts), the sale's precheck and its card write
   * (services/sales/card-write.ts) — so everything below them runs in their turn.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTurn.getStore()) return fn();
    const run = () => this.inTurn.run(true, fn);
    const p = this.turn.then(run, run);
    this.turn = p.catch(() => {});
    return p;
  }

  /**
   * Reads whatever is in the reader — only the bytes the card format uses, in one request — never verifying a
   * PSC; null when the slot is empty. A reader that owns its cards' layout (a meter maker's library, `maker:`)
   * is read and written in its own format. `triesLeft: false` skips reading the error counter (a write reads it
   * just before verifying anyway); the result then says 3.
   */
  async readCard(opts: { triesLeft?: boolean } = {}): Promise<CardInReader | null> {
    const reader = await this.reader();
    const own = ownFormatOf(reader);
    return guard(async () => {
      let read: Awaited<ReturnType<CardFormat['read']>>;
      try {
        read = await (own ?? referenceFormat).read(reader, opts);
      } catch (e) {
        if (e instanceof ReaderError && e.code === 'NO_CARD') return null;
        throw e;
      }
      const format = own ?? formatFor(read.image) ?? referenceFormat;
      return { reader, format, image: read.image, record: read.record, triesLeft: read.triesLeft ?? 3 };
    });
  }

  /**
   * Presents the card's own PSC once, on the caller's request (a sale's or 重新写卡's check before anything is
   * paid or written), in the same turn as the read that powered the card up — so the write that follows in that
   * turn needs neither another read nor another presentation. One try left is refused unless `allowLastTry`
   * (the clerk confirmed); a refusal is CARD_PSC_WRONG with the tries left. Never retried.
   */
  async checkPsc(cardNo: string, opts: { allowLastTry?: boolean } = {}): Promise<void> {
    const reader = await this.reader();
    await guard(() => reader.verifyPsc(this.keys.pscFor(cardNo), { allowLastTry: opts.allowLastTry }));
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Reader failures as the counter's errors (what happened and what to do). */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ReaderError)) throw e;
    if (isStuck(e)) throw new AppError('READER_STUCK', { detail: e.detail });
    switch (e.code) {
      case 'NO_CARD':
        throw new AppError('NO_CARD');
      case 'WRONG_CARD_TYPE':
        throw new AppError('CARD_FOREIGN');
      case 'CARD_LOCKED':
        throw new AppError('CARD_LOCKED');
      case 'LAST_TRY_NEEDS_CONFIRMATION':
        throw new AppError('CARD_LAST_TRY');
      case 'PSC_WRONG':
        throw new AppError('CARD_PSC_WRONG', {
          detail: `剩余 ${e.triesLeft ?? 0} 次校验机会`,
          fields: { triesLeft: e.triesLeft ?? 0 },
        });
      default:
        throw new AppError('READER_UNAVAILABLE', { detail: e.detail ? `${e.code}：${e.detail}` : e.code });
    }
  }
}
