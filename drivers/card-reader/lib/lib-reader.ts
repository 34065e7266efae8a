/**
 * What the reader makers' libraries (明华 mwic_32, 德卡 dcrf32) share: one device handle from the maker's
 * init function, every call on a worker thread cut by the reader's timeout — a call that hangs is TIMEOUT and
 * the reader is then stuck (closed, its listeners told; the connection looks for it again) — and a failed call
 * explained by asking the reader about the card (no card, not an SLE4442) rather than guessed. The SLE4442 rules
 * are Sle4442Rules'. Declarations follow each maker's header: Windows `HANDLE`/`__int16`/`__stdcall`, Linux
 * `int` (docs/readers.md says where they come from). Runtime: Node.
 */
import { ReaderError } from '../reader-error';
import { CloseListeners, type ReaderOptions, Sle4442Rules } from '../sle4442-reader';
import { asyncCall, bindFunction, loadLibrary, type NativeFunction, STUCK } from '../ffi/ffi-call';

export const WIN = process.platform === 'win32';
/** The device handle, a return/size type, and the calling convention, per platform. */
export const T = WIN ? { h: 'intptr_t', i: 'int16_t', cc: '__stdcall ' } : { h: 'int', i: 'int', cc: '' };

/** Declarations written with $H (handle), $I (short/int) and $CC (calling convention). */
export function bindAll<K extends string>(
  libraryPath: string,
  decls: Record<K, string | string[]>,
): Record<K, NativeFunction> {
  const { lib } = loadLibrary(libraryPath, 'reader library');
  const out = {} as Record<K, NativeFunction>;
  for (const [key, d] of Object.entries(decls) as [K, string | string[]][]) {
    const variants = (Array.isArray(d) ? d : [d]).map((x) =>
      x.replaceAll('$H', T.h).replaceAll('$I', T.i).replaceAll('$CC', T.cc),
    );
    let bound: NativeFunction | undefined;
    let firstErr: unknown;
    for (const v of variants) {
      try {
        bound = bindFunction(lib, libraryPath, v);
        break;
      } catch (e) {
        firstErr ??= e;
      }
    }
    if (!bound) throw firstErr;
    out[key] = bound;
  }
  return out;
}

export abstract class LibReader extends Sle4442Rules {
  private stuck = false;
  private closed = false;
  private readonly closeListeners = new CloseListeners();
  protected readonly ms: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** The maker's device handle, from its init function (openHandle). */
  protected icdev: number | bigint = -1;

  constructor(
    readonly description: string,
    opts: ReaderOptions,
  ) {
    super();
    this.ms = Math.max(1000, opts.timeoutMs ?? 2000);
  }

  get connected(): boolean {
    return !this.closed && !this.stuck;
  }

  onClose(cb: (err?: Error) => void): void {
    this.closeListeners.add(cb);
  }

  /**
   * One library call, one at a time (the makers' libraries are not re-entrant); returns its result code.
   * A call that does not return within the timeout makes the reader stuck.
   */
  /** Opens the device handle with the maker's `init(port, baud)` (a handle ≥ 0; below: no reader there). */
  protected async openHandle(
    init: NativeFunction,
    port: number,
    baud: number,
    named: { fn: string; maker: string },
  ): Promise<void> {
    const h = await this.call(init, port, baud);
    if (h < 0)
      throw new ReaderError(
        'DISCONNECTED',
        undefined,
        `${named.fn}(${port}) 返回 ${h}：没有找到${named.maker}读卡器`,
      );
    this.icdev = h;
  }

  protected call(fn: NativeFunction, ...args: unknown[]): Promise<number> {
    const run = async () => {
      if (this.stuck)
        throw new ReaderError('TIMEOUT', undefined, `${STUCK}：上次调用没有返回，请重新插拔读卡器`);
      if (this.closed) throw new ReaderError('DISCONNECTED');
      try {
        return await asyncCall(fn, args, this.ms);
      } catch (e) {
        if (e instanceof ReaderError && e.code === 'TIMEOUT') {
          this.stuck = true;
          this.closeListeners.fire(e);
        }
        throw e;
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  /** Why a call failed, found by asking the reader: NO_CARD, WRONG_CARD_TYPE, else `otherwise`. */
  protected async failure(
    fn: string,
    rc: number,
    otherwise: ReaderError['code'] = 'FRAME_ERROR',
  ): Promise<never> {
    const detail = `${fn} 返回 ${rc}`;
    if (!(await this.cardPresent())) throw new ReaderError('NO_CARD', undefined, detail);
    if (!(await this.isSle4442())) throw new ReaderError('WRONG_CARD_TYPE', undefined, detail);
    throw new ReaderError(otherwise, undefined, detail);
  }

  protected abstract isSle4442(): Promise<boolean>;
  protected abstract exit(): Promise<void>;

  async close(): Promise<void> {
    if (this.closed) return;
    if (!this.stuck) await this.exit().catch(() => {});
    this.closed = true;
  }
}

/** A NUL-terminated string from a buffer (a version string), printable ASCII only. */
export function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf
    .subarray(0, end < 0 ? buf.length : end)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
}
