/**
 * A meter's write-back is believed only when every value is in range (docs/card-format.md "Meter
 * write-back"): the counts, volumes and flags a real meter can write. An absurd value is a meter fault: it is
 * recorded as such and never used (not as a reading, not to say a purchase was loaded). Runtime: any.
 */
import type { PurchaseRecord, WriteBack } from './gas-card';

/** The most a meter lets flow below zero (透支), in volume units (0.01 m³): 100 m³. */
export const MAX_OVERDRAFT = 10_000;
/** No household or commercial meter holds more than this (100,000 m³), whatever was bought. */
export const MAX_METER_VOLUME = 10_000_000;
/** 2000-01-01: no meter wrote a card before this. */
export const EARLIEST_READ_AT = 946_684_800;
const KNOWN_STATUS_BITS = 0x0f;

/** What is wrong with a write-back, judged against the card alone (empty: believable so far). */
export function meterFaults(w: WriteBack, raw: Uint8Array, purchase: PurchaseRecord | null): string[] {
  if (w.meterNo === '' && w.loadedCount === 0 && w.readAt === 0) return []; // written "never inserted"
  const out = valueFaults(w, purchase);
  const bits = raw[16] ?? 0;
  if (bits & ~KNOWN_STATUS_BITS) out.push(`表具状态字节 0x${bits.toString(16)} 含未定义的位`);
  if (!/^[\x21-\x7e]{1,12}$/.test(w.meterNo)) out.push('表具编号不是可打印字符');
  if (raw[29] !== 0) out.push('表具回写保留字节不为 0');
  return out;
}

/**
 * The same checks for a write-back a meter maker's library reports as values (no bytes): the counts, volumes
 * and read time in range, and a printable meter number of at most `meterNoLength` characters.
 */
export function reportedFaults(
  w: WriteBack,
  purchase: Pick<PurchaseRecord, 'count' | 'cumulative'> | null,
  meterNoLength: number,
): string[] {
  const out = valueFaults(w, purchase);
  if (!new RegExp(`^[\\x21-\\x7e]{1,${meterNoLength}}$`).test(w.meterNo)) out.push('表具编号不是可打印字符');
  return out;
}

function valueFaults(w: WriteBack, purchase: Pick<PurchaseRecord, 'count' | 'cumulative'> | null): string[] {
  const out: string[] = [];
  const count = purchase?.count ?? 0;
  const bought = purchase?.cumulative ?? 0;
  if (w.loadedCount > count) out.push(`表具回写的已入表次数 ${w.loadedCount} 大于卡内购气次数 ${count}`);
  if (w.remaining > Math.min(MAX_METER_VOLUME, bought))
    out.push(`表具剩余气量 ${w.remaining} 超过卡上累计购气 ${bought}`);
  if (w.remaining < -MAX_OVERDRAFT) out.push(`表具剩余气量 ${w.remaining} 低于透支上限`);
  if (w.cumulativeUsed > Math.min(MAX_METER_VOLUME * 10, bought + MAX_OVERDRAFT))
    out.push(`表具累计用气 ${w.cumulativeUsed} 超过卡上累计购气 ${bought}`);
  if (w.readAt < EARLIEST_READ_AT) out.push(`表具回写时间 ${w.readAt} 不可能`);
  return out;
}

/**
 * A reading against the last one from the same meter: a later reading never has less cumulative use or a
 * lower loaded count. (A meter's clock ahead of the counter's is no fault: the counter's may be the wrong one.)
 */
export function readingFaults(
  w: Pick<WriteBack, 'loadedCount' | 'cumulativeUsed' | 'readAt'>,
  before: Pick<WriteBack, 'loadedCount' | 'cumulativeUsed' | 'readAt'> | null,
): string[] {
  const out: string[] = [];
  if (!before || w.readAt <= before.readAt) return out;
  if (w.cumulativeUsed < before.cumulativeUsed)
    out.push(`表具累计用气 ${w.cumulativeUsed} 小于上次读数 ${before.cumulativeUsed}`);
  if (w.loadedCount < before.loadedCount)
    out.push(`表具已入表次数 ${w.loadedCount} 小于上次读数 ${before.loadedCount}`);
  return out;
}
