/**
 * A 德卡 (Decard) reader through its dcrf32 library (dcrf32.dll on Windows, libdcrf32.so on Linux).
 * Functions and signatures as in the maker's headers (Windows dcrf32.h: `HANDLE __stdcall dc_init(__int16 port,
 * long baud)`, `__int16 __stdcall dc_read_4442(HANDLE, __int16 offset, __int16 length, unsigned char *)` …;
 * Linux: the same names with `int`): dc_init/dc_exit, dc_Check_4442 (0 = an SLE4442 is in), dc_read_4442 /
 * dc_write_4442, dc_verifypin_4442, dc_readpincount_4442 (returns the tries left), dc_changepin_4442,
 * dc_readprotect_4442 (spelt dc_readwrotect_4442 in Decard's own header; either is accepted) /
 * dc_writeprotect_4442, dc_beep (ms), dc_getver. 0 is success; dc_init returns a handle ≥ 0 (< 0: no reader).
 * The library powers the card itself: there is no power-up call, so powerOn checks the card and reads its ATR
 * bytes (0–3). Runtime: Node.
 */
import { ReaderError } from '../reader-error';
import type { ReaderOptions } from '../sle4442-reader';
import { bindAll, cString, LibReader } from './lib-reader';

const DECLS = {
  init: '$H $CCdc_init($I port, long baud)',
  exit: '$I $CCdc_exit($H icdev)',
  check: '$I $CCdc_Check_4442($H icdev)',
  read: '$I $CCdc_read_4442($H icdev, $I offset, $I length, _Out_ uint8_t *buf)',
  write: '$I $CCdc_write_4442($H icdev, $I offset, $I length, uint8_t *buf)',
  verify: '$I $CCdc_verifypin_4442($H icdev, uint8_t *passwd)',
  count: '$I $CCdc_readpincount_4442($H icdev)',
  change: '$I $CCdc_changepin_4442($H icdev, uint8_t *passwd)',
  readProt: [
    '$I $CCdc_readprotect_4442($H icdev, $I offset, $I length, _Out_ uint8_t *buf)',
    '$I $CCdc_readwrotect_4442($H icdev, $I offset, $I length, _Out_ uint8_t *buf)',
  ],
  writeProt: '$I $CCdc_writeprotect_4442($H icdev, $I offset, $I length, uint8_t *buf)',
  beep: '$I $CCdc_beep($H icdev, uint16_t ms)',
  version: '$I $CCdc_getver($H icdev, _Out_ uint8_t *buf)',
};

export async function openDcrf(libraryPath: string, port: number, opts: ReaderOptions): Promise<DcrfReader> {
  const f = bindAll(libraryPath, DECLS);
  const r = new DcrfReader(f, `德卡 dcrf ${libraryPath}:${port}`, opts);
  await r.init(port);
  return r;
}

export class DcrfReader extends LibReader {
  constructor(
    private readonly f: ReturnType<typeof bindAll<keyof typeof DECLS>>,
    description: string,
    opts: ReaderOptions,
  ) {
    super(description, opts);
  }

  async init(port: number): Promise<void> {
    await this.openHandle(this.f.init, port, 115200, { fn: 'dc_init', maker: '德卡' });
  }

  protected async exit(): Promise<void> {
    await this.call(this.f.exit, this.icdev);
  }

  async info(): Promise<string> {
    const buf = Buffer.alloc(64);
    const rc = await this.call(this.f.version, this.icdev, buf);
    return rc === 0 ? `德卡 ${cString(buf)}` : '德卡 dcrf';
  }

  /** dc_Check_4442 says whether an SLE4442 is in; whether another card is, this library does not say. */
  async cardPresent(): Promise<boolean> {
    return (await this.call(this.f.check, this.icdev)) === 0;
  }

  protected async isSle4442(): Promise<boolean> {
    return this.cardPresent();
  }

  async powerOn(): Promise<Uint8Array> {
    if (!(await this.cardPresent())) throw new ReaderError('NO_CARD', undefined, 'dc_Check_4442 ≠ 0');
    return this.readBytes(0, 4);
  }

  async powerOff(): Promise<void> {}

  protected async readBytes(addr: number, len: number): Promise<Uint8Array> {
    const buf = Buffer.alloc(len);
    const rc = await this.call(this.f.read, this.icdev, addr, len, buf);
    if (rc !== 0) await this.failure('dc_read_4442', rc);
    return new Uint8Array(buf);
  }

  protected async writeBytes(addr: number, bytes: Uint8Array): Promise<void> {
    const rc = await this.call(this.f.write, this.icdev, addr, bytes.length, Buffer.from(bytes));
    if (rc !== 0) await this.failure('dc_write_4442', rc, 'WRITE_NOT_CONFIRMED');
  }

  protected async readTries(): Promise<number> {
    const n = await this.call(this.f.count, this.icdev);
    if (n < 0) await this.failure('dc_readpincount_4442', n);
    return n;
  }

  /** dc_verifypin_4442 answers only 0 or not: a refusal is explained by the tries left read after it. */
  protected async presentPsc(psc: Uint8Array): Promise<void> {
    const rc = await this.call(this.f.verify, this.icdev, Buffer.from(psc));
    if (rc === 0) return;
    if (!(await this.cardPresent()))
      throw new ReaderError('NO_CARD', undefined, `dc_verifypin_4442 返回 ${rc}`);
    const left = await this.readTries();
    if (left === 0) throw new ReaderError('CARD_LOCKED', 0);
    if (left < 3) throw new ReaderError('PSC_WRONG', left);
    throw new ReaderError('FRAME_ERROR', undefined, `dc_verifypin_4442 返回 ${rc}，错误计数未变`);
  }

  /** The 4 bytes of protection memory (32 bits, bit x = byte x, 1 = writable). */
  async readProtection(): Promise<Uint8Array> {
    const buf = Buffer.alloc(4);
    const rc = await this.call(this.f.readProt, this.icdev, 0, 4, buf);
    if (rc !== 0) await this.failure('dc_readprotect_4442', rc);
    return new Uint8Array(buf);
  }

  async writeProtection(addr: number, bytes: Uint8Array): Promise<void> {
    if (addr < 0 || addr + bytes.length > 32) throw new ReaderError('OUT_OF_RANGE');
    const rc = await this.call(this.f.writeProt, this.icdev, addr, bytes.length, Buffer.from(bytes));
    if (rc !== 0) await this.failure('dc_writeprotect_4442', rc, 'WRITE_PROTECTED');
  }

  async changePsc(psc: Uint8Array): Promise<void> {
    if (psc.length !== 3) throw new ReaderError('OUT_OF_RANGE');
    const rc = await this.call(this.f.change, this.icdev, Buffer.from(psc));
    if (rc !== 0) await this.failure('dc_changepin_4442', rc, 'NOT_VERIFIED');
  }

  async beep(ms = 100): Promise<void> {
    await this.call(this.f.beep, this.icdev, Math.min(65535, Math.max(1, Math.round(ms))));
  }
}
