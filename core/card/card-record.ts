/**
 * What a card image says, as one decision (docs/card-format.md "Reading a card"): whose format it is, how far
 * issuing got, which purchase the card holds — including a write cut between the primary and the backup area,
 * which is a torn write to finish, never damage — and whether the meter's write-back can be believed.
 * Runtime: any.
 */
import {
  AREA,
  ATR,
  type CardHeader,
  decodeHeader,
  decodePurchase,
  decodeWriteBack,
  ISSUED_MARK,
  NO_WRITE_BACK,
  PSC_CHANGING_MARK,
  type PurchaseRecord,
  USED_BYTES,
  type WriteBack,
} from './gas-card';
import { meterFaults } from './write-back-check';

/** How far issuing got on the card: its PSC follows from it (docs/card-format.md "Issuing"). */
export type IssueStage = 'header' | 'psc-changing' | 'done';

/**
 * Which purchase area a cut write left behind: `backup` — the primary holds the newer purchase and the backup
 * still the one before (or nothing, or torn bytes): the primary is what the card holds, the backup is to be
 * finished; `primary` — the primary is torn and the backup holds what the card holds.
 */
export type Torn = 'primary' | 'backup' | null;

export type CardRecord =
  | { state: 'blank'; tornIssue: boolean }
  | { state: 'foreign'; reason: 'atr' | 'magic' | 'version' }
  | { state: 'damaged'; reason: 'header-crc' | 'both-purchase-areas-bad' | 'areas-differ' }
  | {
      state: 'ok';
      header: CardHeader & { generation: number };
      /** null on a user card that was issued but never sold to. */
      purchase: PurchaseRecord | null;
      /** The meter's write-back; NO_WRITE_BACK when there is none, it is torn, or it is not believable. */
      writeBack: WriteBack;
      /** What is wrong with the meter's write-back (torn, values out of range): a meter fault, never trusted. */
      meterFaults: string[];
      /** The meter number of a write-back with faults, when a maker's library reported it (no bytes to decode). */
      faultyMeterNo?: string;
      /** The purchase is on the card and the meter has not loaded it yet (or the write-back cannot tell). */
      pending: boolean;
      torn: Torn;
      /** torn !== null (kept for the screen's wording). */
      repairable: boolean;
      issue: IssueStage;
    };

const slice = (img: Uint8Array, area: { start: number; length: number }) =>
  img.subarray(area.start, area.start + area.length);

/**
 * The primary is always written first, so a valid primary one write ahead of a valid backup is that write cut
 * before the backup: the next count (a purchase, a top-up, a carry), or the same count with its gas taken off
 * (a clear). Anything else two valid areas disagree on is damage.
 */
export function oneWriteAhead(p: PurchaseRecord, b: PurchaseRecord): boolean {
  if (p.count === b.count + 1) return p.cumulative >= b.cumulative;
  return p.count === b.count && p.volume === 0 && b.volume > 0 && p.cumulative === b.cumulative - b.volume;
}

const same = (p: PurchaseRecord, b: PurchaseRecord) =>
  p.count === b.count &&
  p.volume === b.volume &&
  p.cumulative === b.cumulative &&
  p.writtenAt === b.writtenAt &&
  p.counterCode === b.counterCode;

function purchaseOf(img: Uint8Array): { purchase: PurchaseRecord | null; torn: Torn } | 'damaged' | 'differ' {
  const p = decodePurchase(slice(img, AREA.primary));
  const b = decodePurchase(slice(img, AREA.backup));
  const pOk = typeof p !== 'string';
  const bOk = typeof b !== 'string';
  if (pOk && bOk) {
    if (same(p, b)) return { purchase: p, torn: null };
    return oneWriteAhead(p, b) ? { purchase: p, torn: 'backup' } : 'differ';
  }
  if (pOk) return { purchase: p, torn: 'backup' }; // the backup was being written (or is still blank)
  if (bOk) return { purchase: b, torn: 'primary' }; // the primary was being written: the backup holds the card's
  if (p === 'blank' && b === 'blank') return { purchase: null, torn: null };
  if (b === 'blank') return { purchase: null, torn: 'primary' }; // the first purchase, cut in the primary
  return 'damaged';
}

export function decodeCard(img: Uint8Array): CardRecord {
  if (img.length < USED_BYTES) throw new RangeError(`a card image is at least ${USED_BYTES} bytes`);
  if (ATR.some((b, i) => img[i] !== b)) return { state: 'foreign', reason: 'atr' };
  const header = decodeHeader(slice(img, AREA.header));
  if (header === 'blank' || header === 'torn') return { state: 'blank', tornIssue: header === 'torn' };
  if (header === 'crc') return { state: 'damaged', reason: 'header-crc' };
  if (typeof header === 'string') return { state: 'foreign', reason: header };
  const held = purchaseOf(img);
  if (held === 'damaged') return { state: 'damaged', reason: 'both-purchase-areas-bad' };
  if (held === 'differ') return { state: 'damaged', reason: 'areas-differ' };
  const { purchase, torn } = held;
  const raw = slice(img, AREA.writeBack);
  const w = decodeWriteBack(raw);
  const faults = w === 'crc' ? ['表具回写区校验错误（插表时卡被拔出或数据损坏）'] : [];
  if (typeof w !== 'string') faults.push(...meterFaults(w, raw, purchase));
  const writeBack = typeof w === 'string' || faults.length > 0 ? NO_WRITE_BACK : w;
  // A write-back that cannot be believed cannot say the purchase was loaded: it counts as still on the card.
  const pending = purchase !== null && purchase.volume > 0 && purchase.count > writeBack.loadedCount;
  const mark = img[AREA.issued.start];
  const issue: IssueStage =
    mark === ISSUED_MARK ? 'done' : mark === PSC_CHANGING_MARK ? 'psc-changing' : 'header';
  return {
    state: 'ok',
    header: { ...header, generation: header.generation ?? 0 },
    purchase,
    writeBack,
    meterFaults: faults,
    pending,
    torn,
    repairable: torn !== null,
    issue,
  };
}
