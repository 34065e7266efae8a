/**
 * A meter maker's card library as a card format of the card station, so its cards go through the same journal,
 * two-phase write and recovery as the reference format's: the card is read through the library (its image is
 * the library's reading, as JSON — the format's own bytes), a write is one library call chosen from what the
 * card holds and what it must hold (a new purchase, or the gas cleared under the same count), always read back
 * and compared; a card already holding what it must is left alone (a write resumed after a crash). Issuing is the
 * library's issue, or its replacement (补卡) for a later generation, carrying the account's count and cumulative
 * as they stand just before the journal's catch-up write. Runtime: Node.
 */
import { type CardHeader, NO_WRITE_BACK, type PurchaseRecord } from '../../../core/card/gas-card';
import type { CardRecord } from '../../../core/card/card-record';
import { AppError } from '../../../core/errors';
import { ReaderError } from '../../card-reader/reader-error';
import type { Sle4442Reader } from '../../card-reader/sle4442-reader';
import type { CardFormat, MakerCardState } from '../card-format';
import { MakerReader } from './maker-reader';

type Held = Pick<PurchaseRecord, 'count' | 'volume' | 'cumulative'>;

/** The format a reader's cards are read and written in when the reader is a maker's library; else null. */
export function ownFormatOf(reader: Sle4442Reader): CardFormat | null {
  return reader instanceof MakerReader ? makerFormat : null;
}

function makerReader(reader: Sle4442Reader): MakerReader {
  if (!(reader instanceof MakerReader)) throw new ReaderError('WRONG_CARD_TYPE');
  return reader;
}

const encode = (s: MakerCardState) => new TextEncoder().encode(JSON.stringify(s));
const decode = (image: Uint8Array | undefined): MakerCardState | null =>
  image ? (JSON.parse(new TextDecoder().decode(image)) as MakerCardState) : null;

/** What the card station makes of the library's reading. */
export function recordOf(s: MakerCardState): CardRecord {
  if (!s.header.cardNo) return { state: 'blank', tornIssue: false };
  const p = s.purchase;
  return {
    state: 'ok',
    header: { ...s.header, generation: s.header.generation ?? 0 },
    // The library keeps neither when nor where a purchase was written.
    purchase: p ? { ...p, writtenAt: 0, counterCode: '' } : null,
    writeBack: NO_WRITE_BACK,
    meterFaults: [],
    // A maker's meter takes the gas off the card when it loads it: gas still on the card is not loaded yet.
    pending: (p?.volume ?? 0) > 0,
    torn: null,
    repairable: false,
    issue: 'done',
  };
}

const holds = (s: MakerCardState, w: Held) =>
  (s.purchase?.count ?? 0) === w.count &&
  (s.purchase?.volume ?? 0) === w.volume &&
  (s.purchase?.cumulative ?? 0) === w.cumulative;

const heldText = (s: MakerCardState) =>
  `卡内第 ${s.purchase?.count ?? 0} 次、${(s.purchase?.volume ?? 0) / 100} m³、累计 ${(s.purchase?.cumulative ?? 0) / 100} m³`;

async function readState(r: MakerReader, image?: Uint8Array): Promise<MakerCardState> {
  return decode(image) ?? r.run((p) => p.readCard());
}

export const makerFormat: CardFormat = {
  id: 'maker',
  name: '表厂卡库',

  /** Never picked from an image: a maker's cards are read only through its own library's reader. */
  detect: () => false,

  async read(reader) {
    const state = await makerReader(reader).run((p) => p.readCard());
    return { image: encode(state), record: recordOf(state), triesLeft: 3 };
  },

  async issue(reader, header, _keys, opts = {}) {
    const r = makerReader(reader);
    const before = await readState(r, opts.image);
    // A card already carrying a header is an issue that went through (the caller checked whose it is).
    if (before.header.cardNo) return;
    const h: CardHeader = typeof header === 'function' ? header() : header;
    const generation = h.generation ?? 0;
    if (generation > 0) {
      const carried = opts.carried?.() ?? { count: 0, cumulative: 0 };
      await r.run((p) => p.replace(h, carried));
    } else await r.run((p) => p.issue(h));
    const after = await r.run((p) => p.readCard());
    const a = after.header;
    if (a.cardNo !== h.cardNo || a.accountNo !== h.accountNo || a.region !== h.region)
      throw new AppError('CARD_WRITE_FAILED', {
        detail: `表厂卡库发卡后读回的卡号 ${a.cardNo || '（空白）'} 与写入的 ${h.cardNo} 不符`,
      });
  },

  async writePurchase(reader, cardNo, purchase, _keys, opts = {}) {
    const r = makerReader(reader);
    const before = await readState(r, opts.image);
    if (holds(before, purchase)) return; // already there: a write resumed after it reached the card
    const onCard = before.purchase;
    const w = { count: purchase.count, volume: purchase.volume, cumulative: purchase.cumulative };
    if (w.count > (onCard?.count ?? 0)) await r.run((p) => p.writePurchase(cardNo, w));
    else if (
      onCard &&
      w.count === onCard.count &&
      w.volume === 0 &&
      onCard.volume > 0 &&
      w.cumulative === onCard.cumulative - onCard.volume
    )
      await r.run((p) => p.clear(cardNo));
    else
      throw new AppError('CARD_WRITE_FAILED', {
        detail: `表厂卡库没有这种写法：${heldText(before)}，要写第 ${w.count} 次、${w.volume / 100} m³`,
      });
    const after = await r.run((p) => p.readCard());
    if (!holds(after, w))
      throw new ReaderError('WRITE_NOT_CONFIRMED', undefined, `写后读回：${heldText(after)}`);
  },

  async makeToolCard() {
    throw new AppError('CARD_WRITE_FAILED', { detail: '表厂卡库的工具卡请用表厂自己的软件制作' });
  },
};
