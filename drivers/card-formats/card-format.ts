/**
 * Card formats are plug-ins: each meter maker lays out its cards (and keys, and tool cards) differently.
 * A format reads and writes through a CardReader and never touches the database. Runtime: Node.
 */
import type { CardHeader, CardKind, CardRecord, PurchaseRecord } from '../../core/card/gas-card';
import type { CardReader } from '../card-reader/reader';

/** Derives each card's PSC; the master key behind it never leaves the key holder. */
export interface CardKeys {
  pscFor(cardNo: string): Uint8Array;
}

export interface ReadResult {
  readonly image: Uint8Array;
  readonly record: CardRecord;
  readonly triesLeft: number;
}

export interface CardFormat {
  readonly id: string;
  readonly name: string;
  /** Whether a card image is in this format (blank cards are claimed by the default format). */
  detect(image: Uint8Array): boolean;
  /** Reads and decodes the card. Never verifies a PSC. */
  read(reader: CardReader): Promise<ReadResult>;
  /** Turns a blank card into a user or tool card: header written and protected, PSC changed to the card's own. */
  issue(
    reader: CardReader,
    header: CardHeader,
    keys: CardKeys,
    opts?: { transportPsc?: Uint8Array },
  ): Promise<void>;
  /** Writes a purchase to both areas (primary, then backup), each read back and compared. */
  writePurchase(
    reader: CardReader,
    cardNo: string,
    purchase: PurchaseRecord,
    keys: CardKeys,
    opts?: { allowLastTry?: boolean },
  ): Promise<void>;
  /** Makes a tool card (set-up, clear, check, meter-change). */
  makeToolCard(
    reader: CardReader,
    kind: Exclude<CardKind, 'user'>,
    cardNo: string,
    region: number,
    keys: CardKeys,
  ): Promise<void>;
}
