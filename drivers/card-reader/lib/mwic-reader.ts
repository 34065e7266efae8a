/**
 * A 明华 (Mingwah) reader through its mwic_32 library (Mwic_32.dll on Windows, the maker's libmwic .so on
 * Linux). Functions and signatures as in the maker's headers (Windows Mwic_32.h: `HANDLE __stdcall
 * ic_init(__int16 port, unsigned long baud)`, `__int16 __stdcall srd_4442(HANDLE, __int16 offset, __int16 len,
 * unsigned char *)` …; Linux MWIC.H: the same names with `int`): ic_init/ic_exit, get_status (1 = card in),
 * turn_on/turn_off, chk_4442 (0 = SLE4442), srd_4442/swr_4442, prd_4442/pwr_4442 (protection), csc_4442 (present
 * PSC), wsc_4442 (change PSC), rsct_4442 (error counter: tries left), dv_beep, srd_ver. Every function returns
 * 0 on success, non-zero (negative) on failure; ic_init a handle ≥ 0 (< 0: no reader). Runtime: Node.
 */
import { ReaderError } from '../reader-error';
import type { ReaderOptions } from '../sle4442-reader';
import { bindAll, cString, LibReader } from './lib-reader';

const DECLS = {
  init: '$H $CCic_init($I port, long baud)',
  exit: '$I $CCic_exit($H icdev)',
  status: '$I $CCget_status($H icdev, _Out_ $I *state)',
  turnOn: '$I $CCturn_on($H icdev)',
  turnOff: '$I $CCturn_off($H icdev)',
  check: '$I $CCchk_4442($H icdev)',
  read: '$I $CCsrd_4442($H icdev, $I offset, $I len, _Out_ uint8_t *buf)',
  write: '$I $CCswr_4442($H icdev, $I offset, $I len, uint8_t *buf)',
  readProt: '$I $CCprd_4442($H icdev, $I len, _Out_ uint8_t *buf)',
  writeProt: '$I $CCpwr_4442($H icdev, $I offset, $I len, uint8_t *buf)',
  verify: '$I $CCcsc_4442($H icdev, $I len, uint8_t *psc)',
  change: '$I $CCwsc_4442($H icdev, $I len, uint8_t *psc)',
  counter: '$I $CCrsct_4442($H icdev, _Out_ $I *counter)',
  beep: '$I $CCdv_beep($H icdev, $I time)',
  version: '$I $CCsrd_ver($H icdev, $I len, _Out_ uint8_t *buf)',
};

export async function openMwic(libraryPath: string, port: number, opts: ReaderOptions): Promise<MwicReader> {
  const f = bindAll(libraryPath, DECLS);
  const r = new MwicReader(f, `明华 mwic ${libraryPath}:${port}`, opts);
  await r.init(port);
  return r;
}

export class MwicReader extends LibReader {
  constructor(
    private readonly f: ReturnType<typeof bindAll<keyof typeof DECLS>>,
    description: string,
    opts: ReaderOptions,
  ) {
    super(description, opts);
  }

  async init(port: number): Promise<void> {
    await this.openHandle(this.f.init, port, 9600, { fn: 'ic_init', maker: '明华' });
  }

  protected async exit(): Promise<void> {
    await this.call(this.f.exit, this.icdev);
  }

  async info(): Promise<string> {
    const buf = Buffer.alloc(32);
    const rc = await this.call(this.f.version, this.icdev, 18, buf);
    return rc === 0 ? `明华 ${cString(buf)}` : '明华 mwic';
  }

  async cardPresent(): Promise<boolean> {
    const state = [0];
    const rc = await this.call(this.f.status, this.icdev, state);
    if (rc !== 0) throw new ReaderError('DISCONNECTED', undefined, `get_status 返回 ${rc}`);
    return state[0] === 1;
  }

  protected async isSle4442(): Promise<boolean> {
    return (await this.call(this.f.check, this.icdev)) === 0;
  }

  async powerOn(): Promise<Uint8Array> {
    if (!(await this.cardPresent())) throw new ReaderError('NO_CARD');
    await this.call(this.f.turnOff, this.icdev);
    const rc = await this.call(this.f.turnOn, this.icdev);
    if (rc !== 0) await this.failure('turn_on', rc);
    if (!(await this.isSle4442())) throw new ReaderError('WRONG_CARD_TYPE', undefined, 'chk_4442 ≠ 0');
    return this.readBytes(0, 4);
  }

  async powerOff(): Promise<void> {
    await this.call(this.f.turnOff, this.icdev);
  }

  protected async readBytes(addr: number, len: number): Promise<Uint8Array> {
    const buf = Buffer.alloc(len);
    const rc = await this.call(this.f.read, this.icdev, addr, len, buf);
    if (rc !== 0) await this.failure('srd_4442', rc);
    return new Uint8Array(buf);
  }

  protected async writeBytes(addr: number, bytes: Uint8Array): Promise<void> {
    const rc = await this.call(this.f.write, this.icdev, addr, bytes.length, Buffer.from(bytes));
    if (rc !== 0) await this.failure('swr_4442', rc, 'WRITE_NOT_CONFIRMED');
  }

  protected async readTries(): Promise<number> {
    const counter = [0];
    const rc = await this.call(this.f.counter, this.icdev, counter);
    if (rc !== 0) await this.failure('rsct_4442', rc);
    return counter[0]!;
  }

  /** csc_4442 answers only 0 or not: a refusal is explained by the error counter read after it. */
  protected async presentPsc(psc: Uint8Array): Promise<void> {
    const rc = await this.call(this.f.verify, this.icdev, 3, Buffer.from(psc));
    if (rc === 0) return;
    if (!(await this.cardPresent())) throw new ReaderError('NO_CARD', undefined, `csc_4442 返回 ${rc}`);
    const left = await this.readTries();
    if (left === 0) throw new ReaderError('CARD_LOCKED', 0);
    if (left < 3) throw new ReaderError('PSC_WRONG', left);
    throw new ReaderError('FRAME_ERROR', undefined, `csc_4442 返回 ${rc}，错误计数未变`);
  }

  async readProtection(): Promise<Uint8Array> {
    const buf = Buffer.alloc(4);
    const rc = await this.call(this.f.readProt, this.icdev, 4, buf);
    if (rc !== 0) await this.failure('prd_4442', rc);
    return new Uint8Array(buf);
  }

  async writeProtection(addr: number, bytes: Uint8Array): Promise<void> {
    if (addr < 0 || addr + bytes.length > 32) throw new ReaderError('OUT_OF_RANGE');
    const rc = await this.call(this.f.writeProt, this.icdev, addr, bytes.length, Buffer.from(bytes));
    if (rc !== 0) await this.failure('pwr_4442', rc, 'WRITE_PROTECTED');
  }

  async changePsc(psc: Uint8Array): Promise<void> {
    if (psc.length !== 3) throw new ReaderError('OUT_OF_RANGE');
    const rc = await this.call(this.f.change, this.icdev, 3, Buffer.from(psc));
    if (rc !== 0) await this.failure('wsc_4442', rc, 'NOT_VERIFIED');
  }

  /** dv_beep's time is in units of 10 ms. */
  async beep(ms = 100): Promise<void> {
    await this.call(this.f.beep, this.icdev, Math.max(1, Math.round(ms / 10)));
  }
}
