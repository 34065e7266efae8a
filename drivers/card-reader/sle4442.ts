/**
 * An SLE4442 memory card with the datasheet's semantics (Infineon SLE 4432/4442), as the emulator's card.
 * - 256 bytes of main memory; bytes 0–3 hold the ATR; a blank card reads FF.
 * - 32 one-time protection bits for bytes 0–31 (1 = writable); burning is compare-and-protect.
 * - Security memory: error counter EC (3 bits) and the 3-byte PSC. Before PSC verification nothing can be
 *   written; each verification attempt clears one EC bit first; success restores EC to 0b111 and unlocks writes
 *   until power-off; three consecutive failures lock the card forever.
 * - Writes go byte by byte (~2.5 ms each on a real card); `tearAfter` models a card pulled mid-write.
 * Runtime: any.
 */
export type CardFault =
  | 'not-verified'
  | 'locked'
  | 'protected'
  | 'range'
  | 'psc-wrong'
  | 'compare-mismatch'
  | 'unpowered';

export class CardError extends Error {
  constructor(
    readonly fault: CardFault,
    readonly triesLeft?: number,
  ) {
    super(`SLE4442: ${fault}`);
    this.name = 'CardError';
  }
}

export class CardTornError extends Error {
  constructor(readonly written: number) {
    super(`card removed after ${written} bytes`);
    this.name = 'CardTornError';
  }
}

export interface CardState {
  main: number[];
  protection: number;
  ec: number;
  psc: number[];
}

export const DEFAULT_PSC = [0xff, 0xff, 0xff];

const popcount3 = (ec: number) => (ec & 1) + ((ec >> 1) & 1) + ((ec >> 2) & 1);

export class Sle4442 {
  readonly main: Uint8Array;
  /** bit i = 1: byte i (0–31) may still be written. */
  private protection: number;
  private ec: number;
  private psc: Uint8Array;
  private verified = false;
  private powered = false;

  constructor(state?: CardState) {
    this.main = new Uint8Array(state?.main ?? Array(256).fill(0xff));
    this.protection = state?.protection ?? 0xffffffff;
    this.ec = state?.ec ?? 0b111;
    this.psc = new Uint8Array(state?.psc ?? DEFAULT_PSC);
    if (!state) this.main.set([0xa2, 0x13, 0x10, 0x91], 0);
  }

  /** A new blank card: ATR set and burned, everything else FF, default PSC. */
  static blank(psc = DEFAULT_PSC): Sle4442 {
    const c = new Sle4442({
      main: [0xa2, 0x13, 0x10, 0x91, ...Array(252).fill(0xff)],
      protection: 0xfffffff0,
      ec: 0b111,
      psc,
    });
    return c;
  }

  snapshot(): CardState {
    return { main: [...this.main], protection: this.protection >>> 0, ec: this.ec, psc: [...this.psc] };
  }

  get atr(): Uint8Array {
    return this.main.slice(0, 4);
  }

  get triesLeft(): number {
    return popcount3(this.ec);
  }

  get isLocked(): boolean {
    return this.ec === 0;
  }

  get isVerified(): boolean {
    return this.verified;
  }

  powerOn(): Uint8Array {
    this.powered = true;
    this.verified = false;
    return this.atr;
  }

  powerOff(): void {
    this.powered = false;
    this.verified = false;
  }

  private needPower() {
    if (!this.powered) throw new CardError('unpowered');
  }

  private range(addr: number, len: number) {
    if (!Number.isInteger(addr) || !Number.isInteger(len) || addr < 0 || len < 0 || addr + len > 256)
      throw new CardError('range');
  }

  readMain(addr: number, len: number): Uint8Array {
    this.needPower();
    this.range(addr, len);
    return this.main.slice(addr, addr + len);
  }

  isProtected(addr: number): boolean {
    return addr < 32 && ((this.protection >>> addr) & 1) === 0;
  }

  /** Update main memory; with `tearAfter`, only that many bytes are written before the card is pulled. */
  updateMain(addr: number, bytes: Uint8Array, tearAfter?: number): void {
    this.needPower();
    this.range(addr, bytes.length);
    if (this.isLocked) throw new CardError('locked');
    if (!this.verified) throw new CardError('not-verified');
    for (let i = 0; i < bytes.length; i++)
      if (this.isProtected(addr + i) && this.main[addr + i] !== bytes[i]) throw new CardError('protected');
    for (let i = 0; i < bytes.length; i++) {
      if (tearAfter !== undefined && i >= tearAfter) {
        this.powerOff();
        throw new CardTornError(i);
      }
      this.main[addr + i] = bytes[i]!;
    }
  }

  /** The 32 protection bits as 4 bytes, bit i of byte i/8, LSB first. */
  readProtection(): Uint8Array {
    this.needPower();
    const p = this.protection >>> 0;
    return new Uint8Array([p & 0xff, (p >>> 8) & 0xff, (p >>> 16) & 0xff, (p >>> 24) & 0xff]);
  }

  /** Compare-and-protect: burns the bits of bytes whose given value equals the stored one; else nothing. */
  writeProtection(addr: number, bytes: Uint8Array): void {
    this.needPower();
    if (addr < 0 || addr + bytes.length > 32) throw new CardError('range');
    if (this.isLocked) throw new CardError('locked');
    if (!this.verified) throw new CardError('not-verified');
    for (let i = 0; i < bytes.length; i++)
      if (this.main[addr + i] !== bytes[i]) throw new CardError('compare-mismatch');
    for (let i = 0; i < bytes.length; i++) this.protection &= ~(1 << (addr + i));
  }

  /** EC, and the PSC only after verification (else zeros). */
  readSecurity(): Uint8Array {
    this.needPower();
    return new Uint8Array([this.ec, ...(this.verified ? this.psc : [0, 0, 0])]);
  }

  /** One verification attempt. Returns the tries left; throws on a wrong PSC or a locked card. */
  verify(code: Uint8Array): number {
    this.needPower();
    if (this.isLocked) throw new CardError('locked', 0);
    // Clear one set bit of EC first (the attempt is counted even if power fails now).
    const bit = this.ec & 1 ? 1 : this.ec & 2 ? 2 : 4;
    this.ec &= ~bit;
    if (code.length === 3 && code.every((b, i) => b === this.psc[i])) {
      this.ec = 0b111;
      this.verified = true;
      return 3;
    }
    throw new CardError(this.isLocked ? 'locked' : 'psc-wrong', this.triesLeft);
  }

  changePsc(code: Uint8Array): void {
    this.needPower();
    if (!this.verified) throw new CardError('not-verified');
    if (code.length !== 3) throw new CardError('range');
    this.psc = new Uint8Array(code);
  }
}
