/**
 * A meter maker's card library as a card format of the card station, so its cards go through the same journal,
 * two-phase write and recovery as the reference format's: the card is read through the library (its image is
 * the library's reading, as JSON — the format's own bytes), a write is one library call chosen from what the
 * card holds and what it must hold (a new purchase, or the gas cleared under the same count), always read back
 * and compared; a card already holding what it must is left alone (a write resumed after a crash). Issuing is the
 * library's issue, or its replacement (补卡) for a later generation, carrying the account's count and cumulative
 * as they stand just before the journal's catch-up write. Runtime: Node.
 */
import {
  CARD_METER_NO_LENGTH,
  type CardHeader,
  NO_WRITE_BACK,
  type PurchaseRecord,
  type WriteBack,
} from '../../../core/card/gas-card';
import type { CardRecord } from '../../../core/card/card-record';
import { reportedFaults } from '../../../core/card/write-back-check';
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

/**
 * The meter's write-back the library reported, when it gives the whole reading and a meter has read the card
 * (a meter number): the same checks as the reference format's (core/card/write-back-check.ts) — a reading that
 * cannot be believed is a meter fault, never a reading.
 */
function writeBackOf(s: MakerCardState): { writeBack: WriteBack; faults: string[]; meterNo?: string } {
  const m = s.meter;
  if (!m || m.meterNo === undefined || m.meterNo === '' || !m.status)
    return { writeBack: NO_WRITE_BACK, faults: [] };
  const w: WriteBack = {
    meterNo: m.meterNo,
    readAt: m.readAt ?? 0,
    loadedCount: m.loadedCount ?? 0,
    remaining: m.remaining,
    cumulativeUsed: m.cumulativeUsed,
    status: m.status,
  };
  const faults = reportedFaults(w, s.purchase, CARD_METER_NO_LENGTH);
  return faults.length > 0
    ? { writeBack: NO_WRITE_BACK, faults, meterNo: m.meterNo }
    : { writeBack: w, faults: [] };
}

/** What the card station makes of the library's reading. */
export function recordOf(s: MakerCardState): CardRecord {
  if (!s.header.cardNo) return { state: 'blank', tornIssue: false };
  const p = s.purchase;
  const { writeBack, faults, meterNo } = writeBackOf(s);
  return {
    state: 'ok',
    header: { ...s.header, generation: s.header.generation ?? 0 },
    // The library keeps neither when nor where a purchase was written.
    purchase: p ? { ...p, writtenAt: 0, counterCode: '' } : null,
    writeBack,
    meterFaults: faults,
    ...(meterNo !== undefined && { faultyMeterNo: meterNo }),
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

  /**
   * A tool card through the maker's own function for that kind (the manifest's operations.toolCards), on a blank
   * card, read back: the card must then read as that kind and number. A card already holding exactly that tool
   * card is left alone (a make that reached the card before a crash); a kind the manifest has no function for is
   * refused before anything is called (CARD_TOOL_UNSUPPORTED).
   */
  toolKinds: (reader) => makerReader(reader).plugin.toolKinds,

  async makeToolCard(reader, kind, cardNo, region) {
    const r = makerReader(reader);
    if (!r.plugin.toolKinds.includes(kind)) return r.run((p) => p.makeToolCard(kind, cardNo, region)); // refused by the plug-in, with its name
    const before = await r.run((p) => p.readCard());
    const h = before.header;
    if (h.cardNo === cardNo && h.kind === kind && h.region === region) return;
    if (h.cardNo)
      throw new AppError('CARD_WRITE_FAILED', {
        detail: `读卡器里不是空白卡（卡号 ${h.cardNo}），工具卡只能用空白卡制作`,
      });
    await r.run((p) => p.makeToolCard(kind, cardNo, region));
    const a = (await r.run((p) => p.readCard())).header;
    if (a.cardNo !== cardNo || a.kind !== kind || a.region !== region)
      throw new ReaderError(
        'WRITE_NOT_CONFIRMED',
        undefined,
        `制卡后读回：卡号 ${a.cardNo || '（空白）'}、类型 ${a.kind}，应为 ${cardNo}、${kind}`,
      );
  },
};
