/**
 * Fresh temporary folders for tests and the rigs they share with the benches. Under vitest a test's folders
 * are removed after it and shared ones after the file; elsewhere (a bench) the caller removes them with
 * removeTempDirs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
const sharedDirs: string[] = [];

/** A fresh folder removed after the test; with `shared`, after the whole file (for beforeAll). */
export function tempDir(prefix = 'gasdesk-test-', opts: { shared?: boolean } = {}): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  (opts.shared ? sharedDirs : dirs).push(d);
  return d;
}

export function removeTempDirs(shared: boolean): void {
  for (const d of (shared ? sharedDirs : dirs).splice(0)) rmSync(d, { recursive: true, force: true });
}

if (process.env.VITEST) {
  const { afterAll, afterEach } = await import('vitest');
  afterEach(() => removeTempDirs(false));
  afterAll(() => removeTempDirs(true));
}
