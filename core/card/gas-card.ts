/**
 * The GasDesk reference gas-card record (docs/card-format.md): the byte map of a 256-byte SLE4442 card and a
 * pure codec for it. Every area carries its own CRC-16; the purchase is kept twice (primary and backup).
 * Runtime: any.
 */
import { crc16 } from './crc16';

export const CARD_SIZE = 256;
/** The bytes the reference format uses: ATR, header, both purchase areas, the write-back and the issued mark. */
export const USED_BYTES = 129;
export const ATR = [0xa2, 0x13, 0x10, 0x91] as const;
export const MAGIC = [0x47, 0x44] as const; // "GD"
export const FORMAT_VERSION = 1;
/**
 * The meter number's room in the write-back (ASCII, docs/card-format.md): a longer number would be cut, and
 * the meter's readings would no longer match the file, so the contract refuses longer numbers.
 */
export const CARD_METER_NO_LENGTH = 12;

export const AREA = {
  header: { start: 4, length: 28 },
  primary: { start: 32, length: 32 },
  backup: { start: 64, length: 32 },
  writeBack: { start: 96, length: 32 },
  /**
   * One byte: FF while the card still has its transport PSC; 5A written just before the PSC is changed (the
   * card has the transport or its own PSC: try its own first); A5 once its own PSC is set (issuing done).
   */
  issued: { start: 128, length: 1 },
} as const;

export const ISSUED_MARK = 0xa5;
export const PSC_CHANGING_MARK = 0x5a;

export const CARD_KINDS = ['user', 'setup', 'clear', 'check', 'meter_change'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface CardHeader {
  readonly kind: CardKind;
  /** 0..65535: the gas company's region, checked by the meter. */
  readonly region: number;
  /** Up to 16 decimal digits. */
  readonly cardNo: string;
  /** Up to 16 decimal digits (user cards); '' for tool cards. */
  readonly accountNo: string;
  /**
   * 0 for the account's first card, +1 with each replacement (补卡). A meter that has seen a card of a later
   * generation of the same account refuses every earlier one. Absent: 0.
   */
  readonly generation?: number;
}

export interface PurchaseRecord {
  /** 购气次数: strictly increasing per card and account. */
  readonly count: number;
  /** This purchase's gas, in volume units (0.01 m³). */
  readonly volume: number;
  /** Cumulative purchased, in volume units. */
  readonly cumulative: number;
  /** Seconds since the Unix epoch when the counter wrote it. */
  readonly writtenAt: number;
  /** The hall+counter code that wrote it (6 digits). */
  readonly counterCode: string;
}

export const METER_STATUS_BITS = { lowBattery: 1, valveClosed: 2, tamper: 4, leakAlarm: 8 } as const;
export type MeterStatus = { [K in keyof typeof METER_STATUS_BITS]: boolean };

export interface WriteBack {
  /** Purchase count the meter last loaded (0 = never inserted). */
  readonly loadedCount: number;
  /** Remaining gas in the meter (volume units; negative in overdraft). */
  readonly remaining: number;
  readonly cumulativeUsed: number;
  readonly readAt: number;
  readonly status: MeterStatus;
  /** The meter that wrote it (its last 12 ASCII characters), '' when never inserted. */
  readonly meterNo: string;
}

/** blank: all FF; torn: an issue cut while the header was written (a GD prefix, then FF); crc, magic, version. */
export type AreaProblem = 'blank' | 'torn' | 'crc' | 'magic' | 'version';

// --- little helpers over a byte array ---
const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number) =>
  ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
const i32 = (b: Uint8Array, o: number) => (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
function put16(b: Uint8Array, o: number, v: number) {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}
function put32(b: Uint8Array, o: number, v: number) {
  b[o] = (v >>> 24) & 0xff;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}
/** Packed BCD, left-padded with 0xF nibbles. */
function bcd(b: Uint8Array, o: number, digits: string, bytes: number) {
  if (!/^\d*$/.test(digits) || digits.length > bytes * 2)
    throw new RangeError(`not up to ${bytes * 2} digits: ${digits}`);
  const padded = 'F'.repeat(bytes * 2 - digits.length) + digits;
  for (let i = 0; i < bytes; i++)
    b[o + i] = (parseInt(padded[2 * i]!, 16) << 4) | parseInt(padded[2 * i + 1]!, 16);
}
function unbcd(b: Uint8Array, o: number, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += b[o + i]!.toString(16).padStart(2, '0');
  return s.replace(/^f+/i, '');
}
function ascii(b: Uint8Array, o: number, text: string, bytes: number) {
  for (let i = 0; i < bytes; i++) b[o + i] = i < text.length ? text.charCodeAt(i) & 0x7f : 0;
}
function unascii(b: Uint8Array, o: number, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes && b[o + i] !== 0; i++) s += String.fromCharCode(b[o + i]!);
  return s;
}
const isBlank = (a: Uint8Array) => a.every((x) => x === 0xff);
const withCrc = (a: Uint8Array) => {
  put16(a, a.length - 2, crc16(a, 0, a.length - 2));
  return a;
};
const crcOk = (a: Uint8Array) => u16(a, a.length - 2) === crc16(a, 0, a.length - 2);

// --- header: bytes 4..31 ---
export function encodeHeader(h: CardHeader): Uint8Array {
  const a = new Uint8Array(AREA.header.length);
  a.set(MAGIC, 0);
  a[2] = FORMAT_VERSION;
  a[3] = CARD_KINDS.indexOf(h.kind) + 1;
  if (!Number.isInteger(h.region) || h.region < 0 || h.region > 0xffff)
    throw new RangeError('region must be 0..65535');
  put16(a, 4, h.region);
  bcd(a, 6, h.cardNo, 8);
  bcd(a, 14, h.accountNo, 8);
  const generation = h.generation ?? 0;
  if (!Number.isInteger(generation) || generation < 0 || generation > 0xffff)
    throw new RangeError('generation must be 0..65535');
  put16(a, 22, generation);
  a.fill(0, 24, 26);
  return withCrc(a);
}

const HEAD = [...MAGIC, FORMAT_VERSION];

/**
 * The format marker is checked before the CRC: another maker's card is foreign, not damaged. A GD header cut
 * while it was written (its first bytes ours, the rest still FF) is `torn`: issuing never finished.
 */
export function decodeHeader(a: Uint8Array): CardHeader | AreaProblem {
  if (isBlank(a)) return 'blank';
  const written = a.length - [...a].reverse().findIndex((x) => x !== 0xff);
  const ours = HEAD.every((b, i) => i >= written || a[i] === b);
  if (!ours) return a[0] === MAGIC[0] && a[1] === MAGIC[1] ? 'version' : 'magic';
  if (!crcOk(a)) return written < a.length ? 'torn' : 'crc';
  const kind = CARD_KINDS[a[3]! - 1];
  if (!kind) return 'magic';
  const h = { kind, region: u16(a, 4), cardNo: unbcd(a, 6, 8), accountNo: unbcd(a, 14, 8) };
  return { ...h, generation: u16(a, 22) };
}

// --- purchase: primary 32..63, backup 64..95 ---
export function encodePurchase(p: PurchaseRecord): Uint8Array {
  const a = new Uint8Array(AREA.primary.length);
  for (const [k, v] of Object.entries({
    count: p.count,
    volume: p.volume,
    cumulative: p.cumulative,
    writtenAt: p.writtenAt,
  }))
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`${k} out of range: ${v}`);
  put32(a, 0, p.count);
  put32(a, 4, p.volume);
  put32(a, 8, p.cumulative);
  put32(a, 12, p.writtenAt);
  bcd(a, 16, p.counterCode, 3);
  a.fill(0, 19, 30);
  return withCrc(a);
}

export function decodePurchase(a: Uint8Array): PurchaseRecord | AreaProblem {
  if (isBlank(a)) return 'blank';
  if (!crcOk(a)) return 'crc';
  return {
    count: u32(a, 0),
    volume: u32(a, 4),
    cumulative: u32(a, 8),
    writtenAt: u32(a, 12),
    counterCode: unbcd(a, 16, 3),
  };
}

// --- meter write-back: 96..127 ---
export function encodeWriteBack(w: WriteBack): Uint8Array {
  const a = new Uint8Array(AREA.writeBack.length);
  put32(a, 0, w.loadedCount);
  put32(a, 4, w.remaining >>> 0);
  put32(a, 8, w.cumulativeUsed);
  put32(a, 12, w.readAt);
  let bits = 0;
  for (const [k, bit] of Object.entries(METER_STATUS_BITS)) if (w.status[k as keyof MeterStatus]) bits |= bit;
  a[16] = bits;
  ascii(a, 17, w.meterNo, CARD_METER_NO_LENGTH);
  a.fill(0, 29, 30);
  return withCrc(a);
}

export function decodeWriteBack(a: Uint8Array): WriteBack | AreaProblem {
  if (isBlank(a)) return 'blank';
  if (!crcOk(a)) return 'crc';
  const bits = a[16]!;
  const status = Object.fromEntries(
    Object.entries(METER_STATUS_BITS).map(([k, bit]) => [k, (bits & bit) !== 0]),
  ) as MeterStatus;
  return {
    loadedCount: u32(a, 0),
    remaining: i32(a, 4),
    cumulativeUsed: u32(a, 8),
    readAt: u32(a, 12),
    status,
    meterNo: unascii(a, 17, CARD_METER_NO_LENGTH),
  };
}

export const NO_WRITE_BACK: WriteBack = {
  loadedCount: 0,
  remaining: 0,
  cumulativeUsed: 0,
  readAt: 0,
  status: { lowBattery: false, valveClosed: false, tamper: false, leakAlarm: false },
  meterNo: '',
};

export { type CardRecord, decodeCard, type IssueStage, type Torn } from './card-record';
