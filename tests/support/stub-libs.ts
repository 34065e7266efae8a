/**
 * Builds the stub reader libraries (TEST DOUBLES: tests/fixtures/stub-readers/*.c) with the system C compiler
 * in the test run, and drives their card model and faults through their exported control functions — loaded
 * from the same file as the reader under test, so the dynamic loader hands both the same library.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { koffi } from '../../drivers/card-reader/ffi/ffi-call';
import { tempDir } from './temp-dir';
import { ROOT } from './socat';

const SRC = join(ROOT, 'tests/fixtures/stub-readers');
export type Maker = 'mwic' | 'dcrf';

export interface StubLibs {
  dir: string;
  lib: Record<Maker, string>;
  /** dcrf built without dc_verifypin_4442. */
  missingExport: string;
  /** A text file named like a library. */
  notALibrary: string;
  /** The mwic stub with its ELF header saying AArch64 (x86-64 here): another architecture's library. */
  otherArch: string;
}

let built: StubLibs | null = null;

export function buildStubLibs(): StubLibs {
  if (built) return built;
  const dir = join(tempDir('gasdesk-stublibs-', { shared: true }), 'lib');
  mkdirSync(dir, { recursive: true });
  const flags = ['-shared', '-fPIC', '-O1', '-Wall', '-Werror'];
  const cc = (out: string, files: string[], defs: string[] = []) =>
    execFileSync('cc', [...flags, ...defs, '-o', join(dir, out), ...files.map((f) => join(SRC, f))], {
      stdio: 'pipe',
    });
  cc('libmwic-stub.so', ['stub-card.c', 'mwic-stub.c']);
  cc('libdcrf-stub.so', ['stub-card.c', 'dcrf-stub.c']);
  cc('libdcrf-noverify.so', ['stub-card.c', 'dcrf-stub.c'], ['-DOMIT_VERIFYPIN']);
  writeFileSync(join(dir, 'libnot-a-library.so'), 'this is not a shared library\n');
  const otherArch = join(dir, 'libmwic-aarch64.so');
  copyFileSync(join(dir, 'libmwic-stub.so'), otherArch);
  const fd = openSync(otherArch, 'r+');
  writeSync(fd, Buffer.from([0xb7, 0x00]), 0, 2, 18); // e_machine = EM_AARCH64
  closeSync(fd);
  built = {
    dir,
    lib: { mwic: join(dir, 'libmwic-stub.so'), dcrf: join(dir, 'libdcrf-stub.so') },
    missingExport: join(dir, 'libdcrf-noverify.so'),
    notALibrary: join(dir, 'libnot-a-library.so'),
    otherArch,
  };
  return built;
}

/** The stub's control surface (the card in its slot, its faults, what it saw). */
export function stubControl(path: string) {
  const lib = koffi().load(path);
  const control = lib.func('int stub_control(const char *key, int value)');
  const peek = lib.func('int stub_peek(const char *key)');
  const card = lib.func('void stub_card(_Out_ uint8_t *out)');
  const set = (key: string, value = 1) => {
    if (control(key, value) !== 0) throw new Error(`stub_control ${key}`);
  };
  return {
    set,
    peek: (key: string) => peek(key) as number,
    image(): Uint8Array {
      const b = Buffer.alloc(256);
      card(b);
      return new Uint8Array(b);
    },
  };
}
