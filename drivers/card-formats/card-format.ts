/**
 * Card formats are plug-ins: each meter maker lays out its cards (and keys, and tool cards) differently.
 * A format reads and writes through a Sle4442Reader and never touches the database. Runtime: Node.
 */
import type { CardHeader, CardKind, CardRecord, PurchaseRecord, WriteBack } from '../../core/card/gas-card';
import type { Sle4442Reader } from '../card-reader/sle4442-reader';

/** Derives each card's PSC; the master key behind it never leaves the key holder. */
export interface CardKeys {
  pscFor(cardNo: string): Uint8Array;
}

export interface ReadResult {
  /** The bytes the format uses (its image; bytes it does not use are not read and read as FF). */
  readonly image: Uint8Array;
  readonly record: CardRecord;
  /** PSC tries left; null when the caller asked not to read it (a write reads it before verifying). */
  readonly triesLeft: number | null;
}

export interface IssueOptions {
  /** The transport PSC of the card's stock (FF FF FF unless the card batch says otherwise). */
  transportPsc?: Uint8Array;
  /** The card as just read (read again when absent). */
  image?: Uint8Array;
  /**
   * For a later generation (a replacement): the purchase count and cumulative the new card starts from — the
   * account's as they stand before the catch-up write that follows the issue (services/cards/catch-up.ts). A
   * format that makes replacements in one call (a maker's library) writes them with the card; the reference
   * format leaves them to that write.
   */
  carried?: () => Pick<PurchaseRecord, 'count' | 'cumulative'>;
}

export interface CardFormat {
  readonly id: string;
  readonly name: string;
  /** Whether a card image is in this format (blank cards are claimed by the default format). */
  detect(image: Uint8Array): boolean;
  /** Reads only the bytes the format uses, once, and decodes them. Never verifies a PSC. */
  read(reader: Sle4442Reader, opts?: { triesLeft?: boolean }): Promise<ReadResult>;
  /**
   * Turns a blank card into a user or tool card, or finishes an issue cut at any point: header written and
   * protected, PSC changed to the card's own. The header is asked for (`header()`) only once the card is open
   * for writing with its transport PSC, and only when the card has none yet; a card that has one keeps it.
   * Never verifies the same PSC twice.
   */
  issue(
    reader: Sle4442Reader,
    header: CardHeader | (() => CardHeader),
    keys: CardKeys,
    opts?: IssueOptions,
  ): Promise<void>;
  /**
   * Writes a purchase to both areas (primary, then backup), each read back and compared; a backup left
   * behind by a cut write is finished first. `image` is the card as just read (read again when absent);
   * `pscVerified`: the caller presented the card's PSC after that read, in the same power-up (a sale's check
   * before payment), so it is not presented again — a card swapped in between refuses the write (not verified).
   */
  writePurchase(
    reader: Sle4442Reader,
    cardNo: string,
    purchase: PurchaseRecord,
    keys: CardKeys,
    opts?: { allowLastTry?: boolean; image?: Uint8Array; pscVerified?: boolean },
  ): Promise<void>;
  /** The tool cards this format can make through this reader (a maker's: those its manifest names a function for). */
  toolKinds(reader: Sle4442Reader): readonly Exclude<CardKind, 'user'>[];
  /**
   * Makes a tool card (set-up, clear, check, meter-change) on a blank card, or finishes one cut at any point; a
   * card already holding exactly that tool card is left alone. `transportPsc`: the blank card's, as for `issue`.
   */
  makeToolCard(
    reader: Sle4442Reader,
    kind: Exclude<CardKind, 'user'>,
    cardNo: string,
    region: number,
    keys: CardKeys,
    opts?: Pick<IssueOptions, 'transportPsc' | 'image'>,
  ): Promise<void>;
}

/**
 * The second plug-in kind: a meter maker's own card library, which owns the card's layout and often the reader
 * I/O too — so it is driven by operations, not bytes (drivers/card-formats/maker/, one manifest per maker; see
 * docs/card-format.md). Volumes are GasDesk's units (0.01 m³); the plug-in converts to the maker's.
 */
export interface MakerCardState {
  readonly header: CardHeader;
  /** The last purchase on the card (count, its gas, cumulative), or null when the card holds none. */
  readonly purchase: Pick<PurchaseRecord, 'count' | 'volume' | 'cumulative'> | null;
  /**
   * What the meter wrote back, when the library reports it: remaining and cumulative use alone (shown only), or
   * the whole reading — meter number ('' when no meter has read the card), read time (Unix seconds; 0 when the
   * maker's time could not be read), loaded purchase count and alarm flags — kept and synced as a reading.
   */
  readonly meter:
    | ({ readonly remaining: number; readonly cumulativeUsed: number } & Partial<
        Pick<WriteBack, 'meterNo' | 'readAt' | 'loadedCount' | 'status'>
      >)
    | null;
}

export interface MakerCardLibrary {
  readonly id: string;
  readonly name: string;
  /** Reads the card in the maker's reader. */
  readCard(): Promise<MakerCardState>;
  /** Writes a purchase: its count, gas and the cumulative after it. */
  writePurchase(
    cardNo: string,
    purchase: Pick<PurchaseRecord, 'count' | 'volume' | 'cumulative'>,
  ): Promise<void>;
  /** Issues a blank card as the account's user card. */
  issue(header: CardHeader): Promise<void>;
  /** Clears the gas on the card (before a reversal, or a replaced card's stale purchase). */
  clear(cardNo: string): Promise<void>;
  /** Makes a replacement (补卡) carrying the account's count and cumulative, one generation later. */
  replace(header: CardHeader, carried: Pick<PurchaseRecord, 'count' | 'cumulative'>): Promise<void>;
  /** The tool cards the maker's library can make (those its manifest names a function for). */
  readonly toolKinds: readonly Exclude<CardKind, 'user'>[];
  /** Makes a tool card on a blank card; a kind the library has no function for is refused (CARD_TOOL_UNSUPPORTED). */
  makeToolCard(kind: Exclude<CardKind, 'user'>, cardNo: string, region: number): Promise<void>;
  close(): Promise<void>;
}
