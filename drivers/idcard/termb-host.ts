/**
 * The child process that holds a resident-ID reader's termb library (drivers/ffi/host-process.ts starts it). A maker's
 * library is foreign code: a call into it that never returns cannot be abandoned inside the counter's process
 * (neither a worker thread nor the thread pool lets a process exit while one is stuck in native code), and a
 * crash in it would take the counter down. Here it can only take this process, which the counter kills.
 * It only loads and calls: the bytes go back as they are, and the counter decodes and checks them.
 * Runtime: Node (a child process with an IPC channel, advanced serialization).
 */
import { createRequire } from 'node:module';
import {
  PHOTO_BUFFER,
  PHOTO_FUNCTION,
  READ_ACTIVE,
  REQUIRED_FUNCTIONS,
  TEXT_BUFFER,
  TEXT_GETTERS,
  type TextField,
} from './termb-api';
import type { HostReply, HostRequest } from './termb-messages';

type Fn = (...args: unknown[]) => number;
/** The part of koffi used here (its own types are not needed where it is not installed yet). */
interface Koffi {
  load(path: string): {
    func(name: string, result: string, args: string[]): unknown;
    func(convention: string, name: string, result: string, args: string[]): unknown;
  };
}
interface Bound {
  fns: Record<string, Fn>;
  photo: Fn | null;
}

let bound: Bound | null = null;

function load(library: string, stdcall: boolean): HostReply {
  // koffi is loaded here only, never in the counter's process (createRequire: the bundle keeps it external).
  const koffi = createRequire(import.meta.url)('koffi') as Koffi;
  let lib: ReturnType<Koffi['load']>;
  try {
    lib = koffi.load(library);
  } catch (e) {
    return { ok: false, kind: 'load-failed', detail: String((e as Error).message ?? e).slice(0, 300) };
  }
  const decl = (name: string): Fn | null => {
    const args = name.startsWith('Get')
      ? ['_Out_ uint8_t *', '_Inout_ int *']
      : name === 'CVR_InitComm' || name === 'CVR_Read_Content'
        ? ['int']
        : [];
    try {
      return (stdcall
        ? lib.func('__stdcall', name, 'int', args)
        : lib.func(name, 'int', args)) as unknown as Fn;
    } catch {
      return null;
    }
  };
  const fns: Record<string, Fn> = {};
  const missing: string[] = [];
  for (const name of REQUIRED_FUNCTIONS) {
    const f = decl(name);
    if (f) fns[name] = f;
    else missing.push(name);
  }
  if (missing.length > 0) return { ok: false, kind: 'missing-exports', missing };
  bound = { fns, photo: decl(PHOTO_FUNCTION) };
  return { ok: true, photoSupported: bound.photo !== null };
}

/** Calls a getter (`int f(unsigned char *buf, int *len)`); text ends at its first NUL, a photo at *len. */
function getBytes(fn: Fn, size: number, text: boolean): { code: number; bytes: Uint8Array } {
  const buf = Buffer.alloc(size);
  const len = [size];
  const code = fn(buf, len);
  const n = Math.max(0, Math.min(size, len[0] ?? 0));
  const end = text ? buf.subarray(0, n).indexOf(0) : -1;
  return { code, bytes: new Uint8Array(buf.subarray(0, end === -1 ? n : end)) };
}

function handle(req: HostRequest): HostReply {
  if (req.op === 'open') {
    const loaded = bound
      ? { ok: true as const, photoSupported: bound.photo !== null }
      : load(req.library, req.stdcall);
    if (!loaded.ok) return loaded;
    return { ok: true, init: bound!.fns.CVR_InitComm!(req.port), photoSupported: loaded.photoSupported };
  }
  if (!bound) return { ok: false, kind: 'not-open' };
  if (req.op === 'close') return { ok: true, close: bound.fns.CVR_CloseComm!() };
  const auth = bound.fns.CVR_Authenticate!();
  if (auth !== 1) return { ok: true, auth };
  const read = bound.fns.CVR_Read_Content!(READ_ACTIVE);
  if (read !== 1) return { ok: true, auth, read };
  const fields = {} as Record<TextField, Uint8Array>;
  const failed: TextField[] = [];
  for (const [field, name] of Object.entries(TEXT_GETTERS) as [TextField, string][]) {
    const r = getBytes(bound.fns[name]!, TEXT_BUFFER, true);
    fields[field] = r.bytes;
    if (r.code !== 1) failed.push(field);
  }
  const photo = bound.photo ? getBytes(bound.photo, PHOTO_BUFFER, false) : null;
  return { ok: true, auth, read, fields, failed, photo: photo && photo.code === 1 ? photo.bytes : null };
}

process.on('message', (raw) => {
  const req = raw as HostRequest & { id: number };
  let reply: HostReply;
  try {
    reply = handle(req);
  } catch (e) {
    reply = { ok: false, kind: 'call-failed', detail: String((e as Error).message ?? e).slice(0, 300) };
  }
  process.send?.({ ...reply, id: req.id });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
