/**
 * One call into a maker library with koffi, declared from the request's argument kinds (lib-messages.ts): what
 * the library host (lib-host.ts) does for each request, in its own process. Libraries and declarations are kept
 * once loaded. Runtime: Node.
 */
import { createRequire } from 'node:module';
import type { LibArg, LibOut, LibReply, LibRequest } from './lib-messages';

type Fn = (...args: unknown[]) => number;
interface Lib {
  func(name: string, result: string, args: string[]): unknown;
  func(convention: string, name: string, result: string, args: string[]): unknown;
}

const libraries = new Map<string, Lib>();
const functions = new Map<string, Fn>();

const C_TYPE: Record<LibArg['kind'], string> = {
  int: 'int',
  str: 'const uint8_t *',
  'out-int': '_Inout_ int *',
  'out-buf': '_Out_ uint8_t *',
};

export function callLibrary(req: LibRequest): LibReply {
  let lib = libraries.get(req.library);
  if (!lib) {
    const koffi = createRequire(import.meta.url)('koffi') as { load(path: string): Lib };
    try {
      lib = koffi.load(req.library);
    } catch (e) {
      return { ok: false, kind: 'load-failed', detail: String((e as Error).message ?? e).slice(0, 300) };
    }
    libraries.set(req.library, lib);
  }
  const types = req.args.map((a) => C_TYPE[a.kind]);
  const key = `${req.library}\n${req.fn}\n${types.join(',')}`;
  let fn = functions.get(key);
  if (!fn) {
    try {
      fn = (req.stdcall ? lib.func('__stdcall', req.fn, 'int', types) : lib.func(req.fn, 'int', types)) as Fn;
    } catch {
      return { ok: false, kind: 'missing-export', fn: req.fn };
    }
    functions.set(key, fn);
  }
  const values = req.args.map((a) => {
    if (a.kind === 'int') return a.value;
    // The bytes as given (GBK or ASCII), NUL-terminated: never re-encoded as UTF-8.
    if (a.kind === 'str') return Buffer.concat([Buffer.from(a.value), Buffer.alloc(1)]);
    if (a.kind === 'out-int') return [0];
    return Buffer.alloc(a.size);
  });
  const ret = fn(...values);
  const outs: LibOut[] = [];
  req.args.forEach((a, i) => {
    if (a.kind === 'out-int') outs.push((values[i] as number[])[0] ?? 0);
    if (a.kind === 'out-buf') {
      const buf = values[i] as Buffer;
      const end = buf.indexOf(0);
      outs.push(new Uint8Array(buf.subarray(0, end === -1 ? buf.length : end)));
    }
  });
  return { ok: true, ret, outs };
}
