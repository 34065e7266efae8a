/**
 * The PC/SC C API (pcsc-lite's libpcsclite.so.1 on Linux, WinSCard's winscard.dll on Windows) bound with
 * koffi. Every call runs off the main thread (koffi's async calls) and is cut by a timeout (ffi-call.ts).
 * Types follow each platform's own headers: DWORD/LONG are C `unsigned long`/`long` on both (64-bit on
 * Linux x64, 32-bit on Windows), SCARDCONTEXT/SCARDHANDLE pointer-sized. Runtime: Node.
 */
import { ReaderError } from '../reader-error';
import { asyncCall, loadLibrary } from '../ffi/ffi-call';

export const SCARD = {
  SCOPE_SYSTEM: 2,
  SHARE_SHARED: 2,
  PROTOCOL_T0: 1,
  PROTOCOL_T1: 2,
  LEAVE_CARD: 0,
  RESET_CARD: 1,
  UNPOWER_CARD: 2,
  STATE_UNAWARE: 0,
  STATE_CHANGED: 0x2,
  STATE_UNKNOWN: 0x4,
  STATE_UNAVAILABLE: 0x8,
  STATE_EMPTY: 0x10,
  STATE_PRESENT: 0x20,
  STATE_MUTE: 0x200,
  INFINITE: 0xffffffff,
} as const;

/** The PC/SC return codes GasDesk tells apart (pcsc-lite pcsclite.h, Windows winerror.h). */
export const RC = {
  SUCCESS: 0,
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_INSUFFICIENT_BUFFER: 0x80100008,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  F_COMM_ERROR: 0x80100013,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

/** Codes that mean the reader or the PC/SC service is gone: the reader is disconnected until found again. */
export const GONE: ReadonlySet<number> = new Set([
  RC.E_NO_SERVICE,
  RC.E_SERVICE_STOPPED,
  RC.E_READER_UNAVAILABLE,
  RC.E_UNKNOWN_READER,
  RC.E_NO_READERS_AVAILABLE,
  RC.E_INVALID_HANDLE,
]);

/** Codes that mean no usable card is in the slot. */
export const NO_CARD: ReadonlySet<number> = new Set([
  RC.E_NO_SMARTCARD,
  RC.W_REMOVED_CARD,
  RC.W_UNPOWERED_CARD,
  RC.W_UNRESPONSIVE_CARD,
]);

export class PcscError extends Error {
  constructor(
    readonly fn: string,
    readonly rc: number,
  ) {
    super(`${fn}: 0x${rc.toString(16).toUpperCase()}`);
    this.name = 'PcscError';
  }
}

export interface ReaderState {
  szReader: string;
  pvUserData: null;
  dwCurrentState: number;
  dwEventState: number;
  cbAtr: number;
  rgbAtr: number[];
}

/** A state to ask SCardGetStatusChange about: UNAWARE answers at once with the reader's state. */
export function readerState(szReader: string): ReaderState {
  return {
    szReader,
    pvUserData: null,
    dwCurrentState: SCARD.STATE_UNAWARE,
    dwEventState: 0,
    cbAtr: 0,
    rgbAtr: [],
  };
}

const WIN = process.platform === 'win32';

export type WinScard = ReturnType<typeof bindWinScard>;
let bound: WinScard | null = null;

/** The PC/SC library, bound once per process (a missing pcsc-lite is a clear DISCONNECTED, said in Chinese). */
export function winscard(): WinScard {
  bound ??= bindWinScard();
  return bound;
}

function bindWinScard() {
  const { lib, koffi } = loadLibrary(WIN ? 'winscard.dll' : 'libpcsclite.so.1', 'PC/SC');
  const A = WIN ? 'A' : '';
  // Declared for the type names the function declarations below use.
  koffi.struct('SCARD_IO_REQUEST', {
    dwProtocol: 'unsigned long',
    cbPciLength: 'unsigned long',
  });
  koffi.struct('SCARD_READERSTATE', {
    szReader: 'const char *',
    pvUserData: 'void *',
    dwCurrentState: 'unsigned long',
    dwEventState: 'unsigned long',
    cbAtr: 'unsigned long',
    rgbAtr: koffi.array('uint8_t', WIN ? 36 : 33, 'Array'),
  });
  const f = {
    establish: lib.func('long SCardEstablishContext(unsigned long, void *, void *, _Out_ intptr_t *)'),
    release: lib.func('long SCardReleaseContext(intptr_t)'),
    list: lib.func(
      `long SCardListReaders${A}(intptr_t, const char *, _Out_ uint8_t *, _Inout_ unsigned long *)`,
    ),
    connect: lib.func(
      `long SCardConnect${A}(intptr_t, const char *, unsigned long, unsigned long, _Out_ intptr_t *, _Out_ unsigned long *)`,
    ),
    reconnect: lib.func(
      'long SCardReconnect(intptr_t, unsigned long, unsigned long, unsigned long, _Out_ unsigned long *)',
    ),
    disconnect: lib.func('long SCardDisconnect(intptr_t, unsigned long)'),
    transmit: lib.func(
      'long SCardTransmit(intptr_t, SCARD_IO_REQUEST *, uint8_t *, unsigned long, void *, _Out_ uint8_t *, _Inout_ unsigned long *)',
    ),
    status: lib.func(
      `long SCardGetStatusChange${A}(intptr_t, unsigned long, _Inout_ SCARD_READERSTATE *, unsigned long)`,
    ),
    cancel: lib.func('long SCardCancel(intptr_t)'),
  };
  const ok = (fn: string, rc: number) => {
    const code = rc >>> 0;
    if (code !== RC.SUCCESS) throw new PcscError(fn, code);
  };
  return {
    async establish(ms: number): Promise<bigint | number> {
      const out: (number | bigint)[] = [0];
      ok('SCardEstablishContext', await asyncCall(f.establish, [SCARD.SCOPE_SYSTEM, null, null, out], ms));
      return out[0]!;
    },
    async release(ctx: bigint | number, ms: number): Promise<void> {
      await asyncCall(f.release, [ctx], ms);
    },
    /** The reader names (an empty list when none is plugged). */
    async list(ctx: bigint | number, ms: number): Promise<string[]> {
      const len = [0];
      let rc = (await asyncCall(f.list, [ctx, null, null, len], ms)) >>> 0;
      if (rc === RC.E_NO_READERS_AVAILABLE) return [];
      ok('SCardListReaders', rc);
      const buf = Buffer.alloc(len[0]!);
      rc = (await asyncCall(f.list, [ctx, null, buf, len], ms)) >>> 0;
      if (rc === RC.E_NO_READERS_AVAILABLE) return [];
      ok('SCardListReaders', rc);
      return buf.subarray(0, len[0]!).toString('utf8').split('\0').filter(Boolean);
    },
    async connect(
      ctx: bigint | number,
      reader: string,
      ms: number,
    ): Promise<{ card: bigint | number; protocol: number }> {
      const card: (number | bigint)[] = [0];
      const proto = [0];
      const protos = SCARD.PROTOCOL_T0 | SCARD.PROTOCOL_T1;
      ok(
        'SCardConnect',
        await asyncCall(f.connect, [ctx, reader, SCARD.SHARE_SHARED, protos, card, proto], ms),
      );
      return { card: card[0]!, protocol: proto[0]! };
    },
    async reconnect(card: bigint | number, init: number, ms: number): Promise<number> {
      const proto = [0];
      const protos = SCARD.PROTOCOL_T0 | SCARD.PROTOCOL_T1;
      ok('SCardReconnect', await asyncCall(f.reconnect, [card, SCARD.SHARE_SHARED, protos, init, proto], ms));
      return proto[0]!;
    },
    async disconnect(card: bigint | number, how: number, ms: number): Promise<void> {
      await asyncCall(f.disconnect, [card, how], ms);
    },
    async transmit(card: bigint | number, protocol: number, apdu: number[], ms: number): Promise<Uint8Array> {
      const recv = Buffer.alloc(258 + 16);
      const len = [recv.length];
      const pci = { dwProtocol: protocol, cbPciLength: WIN ? 8 : 16 };
      const send = Buffer.from(apdu);
      ok('SCardTransmit', await asyncCall(f.transmit, [card, pci, send, send.length, null, recv, len], ms));
      return new Uint8Array(recv.subarray(0, len[0]!));
    },
    /** Waits (up to `timeout` ms, or INFINITE) for the reader's state to differ from `state.dwCurrentState`. */
    async statusChange(
      ctx: bigint | number,
      state: ReaderState,
      timeout: number,
      ms: number,
    ): Promise<number> {
      return (await asyncCall(f.status, [ctx, timeout, state, 1], ms)) >>> 0;
    },
    /** Ends a statusChange waiting on `ctx` (SCardCancel may be called from any thread). */
    cancel(ctx: bigint | number): void {
      f.cancel(ctx);
    },
    ok,
  };
}

/** A PC/SC failure as the reader's error code. */
export function pcscReaderError(e: unknown): unknown {
  if (!(e instanceof PcscError)) return e;
  if (e.rc === RC.E_NO_SERVICE || e.rc === RC.E_SERVICE_STOPPED)
    return new ReaderError(
      'DISCONNECTED',
      undefined,
      `PC/SC 服务没有运行（Linux: pcscd；Windows: 智能卡服务）${e.message}`,
    );
  if (GONE.has(e.rc))
    return new ReaderError('DISCONNECTED', undefined, `PC/SC 读卡器不在了（拔出？）${e.message}`);
  if (NO_CARD.has(e.rc)) return new ReaderError('NO_CARD', undefined, `PC/SC ${e.message}`);
  if (e.rc === RC.E_TIMEOUT) return new ReaderError('TIMEOUT', undefined, `PC/SC ${e.message}`);
  if (e.rc === RC.E_PROTO_MISMATCH)
    return new ReaderError('WRONG_CARD_TYPE', undefined, `PC/SC ${e.message}`);
  if (e.rc === RC.E_SHARING_VIOLATION)
    return new ReaderError('DISCONNECTED', undefined, `读卡器被其他程序独占 PC/SC ${e.message}`);
  return new ReaderError('FRAME_ERROR', undefined, `PC/SC ${e.message}`);
}
