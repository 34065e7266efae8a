/**
 * Builds the termb SDK test double (tests/fixtures/idcard/termb-test-double.c) with the system C compiler, and
 * switches what it answers through its control file (the "card on the reader"). Not a driver: the counter's
 * real path — drivers/idcard over koffi in its host process — loads it as it would a maker's libtermb.so.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../fixtures/idcard/termb-test-double.c', import.meta.url));

export type TermbMode =
  | 'card'
  | 'woman'
  | 'rare'
  | 'none'
  | 'expired'
  | 'bad-id'
  | 'no-reader'
  | 'port'
  | 'hang'
  | 'no-photo';

export interface TermbTestDouble {
  /** The built library (libtermb.so). */
  readonly library: string;
  /** The control file the library reads on every call (TERMB_TEST_DOUBLE_CONTROL). */
  readonly control: string;
  set(mode: TermbMode): void;
}

/** Compiles into `dir` and points this process's (and so its children's) TERMB_TEST_DOUBLE_CONTROL there. */
export function buildTermbTestDouble(dir: string, mode: TermbMode = 'card'): TermbTestDouble {
  const library = join(dir, 'libtermb.so');
  execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', library, SOURCE]);
  const control = join(dir, 'termb-mode');
  const set = (m: TermbMode) => writeFileSync(control, `${m}\n`);
  set(mode);
  process.env.TERMB_TEST_DOUBLE_CONTROL = control;
  return { library, control, set };
}

/** A library exporting only some of the termb functions (as a different SDK would). */
export function buildPartialLibrary(dir: string): string {
  const src = join(dir, 'partial.c');
  writeFileSync(src, 'int CVR_InitComm(int port) { return 1; }\nint CVR_CloseComm(void) { return 1; }\n');
  const library = join(dir, 'libpartial.so');
  execFileSync('cc', ['-shared', '-fPIC', '-o', library, src]);
  return library;
}

/** A copy of `library` whose ELF header names another machine (e_machine), as a library built for it would. */
export function otherArchitectureCopy(library: string, dir: string): { path: string; arch: string } {
  const path = join(dir, 'libtermb-other-arch.so');
  copyFileSync(library, path);
  const [machine, arch] = process.arch === 'arm64' ? [62, 'x64'] : [183, 'arm64'];
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([machine & 255, machine >> 8]), 0, 2, 18);
  closeSync(fd);
  return { path, arch };
}
