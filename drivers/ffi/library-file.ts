/**
 * Before a maker's library is loaded: is the file there, is it a library at all, and is it built for this
 * machine? Read from the file's header (ELF e_machine, PE machine), so a 32-bit DLL on 64-bit Windows or an
 * x86 .so on an arm64 Kylin machine is named as such instead of a loader's message. Runtime: Node.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type LibraryFileProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-a-library' }
  | { readonly kind: 'wrong-architecture'; readonly found: string; readonly expected: string };

const ELF_MACHINES: Record<number, string> = {
  3: 'ia32',
  40: 'arm',
  62: 'x64',
  183: 'arm64',
  258: 'loong64',
};
const PE_MACHINES: Record<number, string> = { 332: 'ia32', 34404: 'x64', 43620: 'arm64', 452: 'arm' };

/** The architecture a library's header names (`x64`, `ia32`, `arm64` …), 'unknown', or null for no library. */
export function libraryArchitecture(head: Uint8Array): string | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 20 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const little = head[5] === 1;
    return ELF_MACHINES[view.getUint16(18, little)] ?? 'unknown';
  }
  if (head.length >= 64 && head[0] === 0x4d && head[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (pe + 6 > head.length || view.getUint32(pe, true) !== 0x00004550) return null;
    return PE_MACHINES[view.getUint16(pe + 4, true)] ?? 'unknown';
  }
  return null;
}

/** What stops the library at `path` from loading in this process, or null when nothing visible does. */
export function libraryFileProblem(path: string, arch: string = process.arch): LibraryFileProblem | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return { kind: 'missing' };
  if (!stat.isFile()) return { kind: 'not-a-library' };
  const head = new Uint8Array(4096);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const found = libraryArchitecture(head.subarray(0, n));
  if (found === null) return { kind: 'not-a-library' };
  if (found !== 'unknown' && found !== arch) return { kind: 'wrong-architecture', found, expected: arch };
  return null;
}
