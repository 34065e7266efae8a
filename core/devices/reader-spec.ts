/**
 * A reader address as the operator writes it, parsed in one place for `gasdesk card info --reader`,
 * `gasdesk serve --reader` and the settings (devices.configureReader):
 *   serial:PATH[@BAUD]            GasDesk reference protocol on a serial port (default 9600 baud)
 *   hid:VID:PID                   GasDesk reference protocol over USB HID (hex ids)
 *   pcsc:READER_NAME              an ACS-style PC/SC reader (ACR38/ACR39 family), by its PC/SC name
 *   lib:mwic:LIBRARY_PATH[:PORT]  a 明华 reader through its mwic_32 library (PORT default 0 = COM1)
 *   lib:dcrf:LIBRARY_PATH[:PORT]  a 德卡 reader through its dcrf32 library (PORT default 100 = USB)
 *   maker:MANIFEST_PATH           a meter maker's card library, described by its manifest (docs/card-format.md):
 *                                 the library owns the card's layout and the reader
 * Other kinds (the ID reader `idcard:`) register themselves with `registerReaderKind`: the extension point. Pure: no I/O, so the contract validates with it too. Runtime: any.
 */

export type ReaderSpec =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'hid'; vendorId: number; productId: number }
  | { kind: 'pcsc'; readerName: string }
  | { kind: 'lib'; maker: LibMaker; libraryPath: string; port: number }
  | { kind: 'maker'; manifestPath: string }
  | { kind: 'ext'; prefix: string; rest: string };

export type LibMaker = 'mwic' | 'dcrf';

/** The default port number each maker's library takes when none is written. */
export const LIB_DEFAULT_PORT: Record<LibMaker, number> = { mwic: 0, dcrf: 100 };

/** A reader kind the settings list (with its 测试 button) and the parser accepts. */
export interface ReaderKindInfo {
  /** The prefix before the first colon. */
  prefix: string;
  /** How it is written, for help and errors. */
  syntax: string;
  /** What it is, in Chinese, for the settings. */
  label: string;
}

export const READER_KINDS: ReaderKindInfo[] = [
  { prefix: 'serial', syntax: 'serial:PATH[@BAUD]', label: '串口读卡器（GasDesk 参考协议）' },
  { prefix: 'hid', syntax: 'hid:VID:PID', label: 'USB HID 读卡器（GasDesk 参考协议）' },
  { prefix: 'pcsc', syntax: 'pcsc:READER_NAME', label: 'PC/SC 读卡器（ACS ACR38/ACR39 等）' },
  { prefix: 'lib:mwic', syntax: 'lib:mwic:LIBRARY_PATH[:PORT]', label: '明华读卡器（mwic_32 动态库）' },
  { prefix: 'lib:dcrf', syntax: 'lib:dcrf:LIBRARY_PATH[:PORT]', label: '德卡读卡器（dcrf32 动态库）' },
  { prefix: 'maker', syntax: 'maker:MANIFEST_PATH', label: '表厂卡库（表厂动态库 + GasDesk 清单）' },
];

const extensions = new Map<string, ReaderKindInfo>();

/** The extension point: another kind (`idcard:`) is parsed as { kind: 'ext', prefix, rest }. */
export function registerReaderKind(info: ReaderKindInfo): void {
  extensions.set(info.prefix, info);
}

export function readerKinds(): ReaderKindInfo[] {
  return [...READER_KINDS, ...extensions.values()];
}

/** A reader address that is not written in any known way (stable code, Chinese message). */
export class ReaderSpecError extends Error {
  readonly code = 'READER_SPEC_INVALID';
  constructor(
    readonly spec: string,
    why?: string,
  ) {
    super(
      `读卡器写法不正确 bad --reader: ${spec}${why ? `（${why}）` : ''}，可用写法：${readerKinds()
        .map((k) => k.syntax)
        .join(' | ')}`,
    );
    this.name = 'ReaderSpecError';
  }
}

export function parseReaderSpec(spec: string): ReaderSpec {
  const s = spec.trim();
  if (s.length === 0 || s.length > 1024 || /[\0\r\n]/.test(s)) throw new ReaderSpecError(spec);
  const serial = /^serial:([^@]+)(?:@(\d{3,7}))?$/.exec(s);
  if (serial) return { kind: 'serial', path: serial[1]!, baudRate: serial[2] ? Number(serial[2]) : 9600 };
  const hid = /^hid:([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})$/.exec(s);
  if (hid)
    return { kind: 'hid', vendorId: Number.parseInt(hid[1]!, 16), productId: Number.parseInt(hid[2]!, 16) };
  if (s.startsWith('pcsc:')) {
    const readerName = s.slice(5);
    if (!readerName.trim()) throw new ReaderSpecError(spec, '缺少读卡器名称');
    return { kind: 'pcsc', readerName };
  }
  const lib = /^lib:(mwic|dcrf):(.+)$/.exec(s);
  if (lib) return parseLib(spec, lib[1] as LibMaker, lib[2]!);
  if (s.startsWith('lib:')) throw new ReaderSpecError(spec, '厂家动态库只支持 mwic（明华）和 dcrf（德卡）');
  if (s.startsWith('maker:')) {
    const manifestPath = s.slice(6);
    if (!manifestPath.trim()) throw new ReaderSpecError(spec, '缺少表厂卡库清单的路径');
    return { kind: 'maker', manifestPath };
  }
  for (const prefix of extensions.keys())
    if (s.startsWith(`${prefix}:`) && s.length > prefix.length + 1)
      return { kind: 'ext', prefix, rest: s.slice(prefix.length + 1) };
  throw new ReaderSpecError(spec);
}

/** LIBRARY_PATH[:PORT]: a trailing `:digits` is the port (a Windows path's drive colon is not). */
function parseLib(spec: string, maker: LibMaker, rest: string): ReaderSpec {
  const m = /^(.+):(\d{1,5})$/.exec(rest);
  const libraryPath = m ? m[1]! : rest;
  const port = m ? Number(m[2]) : LIB_DEFAULT_PORT[maker];
  if (!libraryPath.trim()) throw new ReaderSpecError(spec, '缺少动态库路径');
  if (port > 32767) throw new ReaderSpecError(spec, '端口号超出范围');
  return { kind: 'lib', maker, libraryPath, port };
}

/** The address written back the way the parser reads it (for the settings and logs). */
export function formatReaderSpec(r: ReaderSpec): string {
  switch (r.kind) {
    case 'serial':
      return `serial:${r.path}@${r.baudRate}`;
    case 'hid':
      return `hid:${r.vendorId.toString(16).padStart(4, '0')}:${r.productId.toString(16).padStart(4, '0')}`;
    case 'pcsc':
      return `pcsc:${r.readerName}`;
    case 'lib':
      return `lib:${r.maker}:${r.libraryPath}:${r.port}`;
    case 'maker':
      return `maker:${r.manifestPath}`;
    case 'ext':
      return `${r.prefix}:${r.rest}`;
  }
}
