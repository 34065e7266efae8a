/**
 * SLE4442 through an ACS PC/SC reader (ACR38x, ACR39U, ACR3801 …): the memory-card pseudo-APDUs of ACS's
 * reference manuals (ACR38x Reference Manual v6.02 §9.2.2.6 "Memory Card – SLE 4432/4442/5532/5542";
 * ACR3801 Reference Manual v2.01 §8.3.6; ACR33U-A1 Reference Manual §8.3.6), and how their status words read as
 * ReaderError codes. The manuals list only 90 00 (and 90 EC for PRESENT_CODE); any other status word is read
 * with its ISO 7816-4 meaning, and one no table names is FRAME_ERROR with the word in the detail — never
 * taken for success, and never a reason to present a PSC again. Runtime: any.
 */
import { ReaderError, type ReaderErrorCode } from '../reader-error';
import { triesFromCounter } from '../sle4442-reader';

export const APDU = {
  /** SELECT_CARD_TYPE 06 = SLE 4432/4442/5532/5542 (powers the card down and up: a reset). */
  selectSle4442: () => [0xff, 0xa4, 0x00, 0x00, 0x01, 0x06],
  /** READ_MEMORY_CARD: MEM_L 1–255 here (00 is read as 256 by some readers, not by all). */
  read: (addr: number, len: number) => [0xff, 0xb0, 0x00, addr, len],
  /** READ_PRESENTATION_ERROR_COUNTER_MEMORY_CARD: ERRCNT + 3 dummy bytes. */
  readErrorCounter: () => [0xff, 0xb1, 0x00, 0x00, 0x04],
  /** READ_PROTECTION_BITS: PROT1–PROT4, bit x of byte x/8, 1 = writable. */
  readProtection: () => [0xff, 0xb2, 0x00, 0x00, 0x04],
  /** WRITE_MEMORY_CARD. */
  write: (addr: number, bytes: ArrayLike<number>) => [
    0xff,
    0xd0,
    0x00,
    addr,
    bytes.length,
    ...Array.from(bytes),
  ],
  /** WRITE_PROTECTION_MEMORY_CARD: compare-and-protect bytes addr… (00–1F). */
  writeProtection: (addr: number, bytes: ArrayLike<number>) => [
    0xff,
    0xd1,
    0x00,
    addr,
    bytes.length,
    ...Array.from(bytes),
  ],
  /** PRESENT_CODE_MEMORY_CARD: answers 90 ERRCNT (07 = accepted). */
  presentCode: (psc: ArrayLike<number>) => [0xff, 0x20, 0x00, 0x00, 0x03, ...Array.from(psc)],
  /** CHANGE_CODE_MEMORY_CARD. */
  changeCode: (psc: ArrayLike<number>) => [0xff, 0xd2, 0x00, 0x01, 0x03, ...Array.from(psc)],
} as const;

/** The status words GasDesk reads (ISO 7816-4 meanings where ACS's manual lists none). */
export const SW = {
  ok: 0x9000,
  notVerified: 0x6982,
  locked: 0x6983,
  memoryFailure: 0x6581,
  wrongLength: 0x6700,
  wrongParams: 0x6b00,
  wrongP1P2: 0x6a86,
  notFound: 0x6a82,
  notSupported: 0x6a81,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  noDiagnosis: 0x6f00,
} as const;

const SW_ERRORS: Record<number, ReaderErrorCode> = {
  [SW.notVerified]: 'NOT_VERIFIED',
  [SW.locked]: 'CARD_LOCKED',
  [SW.memoryFailure]: 'WRITE_PROTECTED',
  [SW.wrongLength]: 'OUT_OF_RANGE',
  [SW.wrongParams]: 'OUT_OF_RANGE',
  [SW.wrongP1P2]: 'OUT_OF_RANGE',
  [SW.notFound]: 'OUT_OF_RANGE',
  [SW.notSupported]: 'WRONG_CARD_TYPE',
  [SW.insNotSupported]: 'UNKNOWN_COMMAND',
  [SW.claNotSupported]: 'UNKNOWN_COMMAND',
};

export const hexSw = (sw: number) => sw.toString(16).toUpperCase().padStart(4, '0');

/** Splits a response into data and status word; one shorter than 2 bytes is FRAME_ERROR. */
export function splitResponse(r: Uint8Array): { data: Uint8Array; sw: number } {
  if (r.length < 2) throw new ReaderError('FRAME_ERROR', undefined, `应答过短（${r.length} 字节）`);
  return { data: r.subarray(0, r.length - 2), sw: (r[r.length - 2]! << 8) | r[r.length - 1]! };
}

/** A command's data when the status word is 90 00; its error otherwise. */
export function expectOk(r: Uint8Array, dataLen?: number): Uint8Array {
  const { data, sw } = splitResponse(r);
  if (sw !== SW.ok) throw swError(sw);
  if (dataLen !== undefined && data.length < dataLen)
    throw new ReaderError('FRAME_ERROR', undefined, `应答数据 ${data.length} 字节，应为 ${dataLen}`);
  return dataLen === undefined ? data : data.subarray(0, dataLen);
}

export function swError(sw: number): ReaderError {
  if ((sw & 0xfff0) === 0x6300 || (sw & 0xfff0) === 0x63c0) return pscRefused(sw & 0x0f);
  const code = SW_ERRORS[sw];
  return code ? new ReaderError(code, undefined, `SW ${hexSw(sw)}`) : unlisted(sw);
}

/** A status word no table names: a clear state (FRAME_ERROR, the word said), never success. */
function unlisted(sw: number): ReaderError {
  return new ReaderError('FRAME_ERROR', undefined, `读卡器返回未列出的状态字 SW ${hexSw(sw)}`);
}

function pscRefused(tries: number): ReaderError {
  return tries === 0 ? new ReaderError('CARD_LOCKED', 0) : new ReaderError('PSC_WRONG', Math.min(3, tries));
}

/**
 * PRESENT_CODE's answer: 90 07 accepted; 90 00 locked; 90 EC other = refused with the tries EC leaves;
 * 63 0X / 63 CX (other readers) = refused, X tries left. Anything else is an error of its own, with no retry.
 */
export function presentCodeResult(r: Uint8Array): void {
  const { sw } = splitResponse(r);
  if (sw >> 8 === 0x90) {
    const ec = sw & 0xff;
    if (ec === 0x07) return;
    if (ec > 0x07) throw unlisted(sw);
    throw pscRefused(triesFromCounter(ec));
  }
  throw swError(sw);
}

/** READ_PRESENTATION_ERROR_COUNTER's ERRCNT as tries left. */
export function triesFromErrorCounter(r: Uint8Array): number {
  const ec = expectOk(r, 1)[0]!;
  if (ec > 0x07) throw new ReaderError('FRAME_ERROR', undefined, `错误计数器值 ${ec.toString(16)} 不在 0–7`);
  return triesFromCounter(ec);
}
