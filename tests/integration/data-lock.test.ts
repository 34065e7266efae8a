import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { App } from '../../services/app';
import { tempDir } from '../support/app';

describe('one process per data folder', () => {
  it('refuses a second opening of the same folder until the first closes', () => {
    const dir = tempDir();
    const a = new App({ dataDir: dir });
    expect(() => new App({ dataDir: dir })).toThrow(expect.objectContaining({ code: 'DATA_IN_USE' }));
    a.close();
    const b = new App({ dataDir: dir });
    b.close();
  });

  it('takes over a lock left by a process that is gone (kill -9), but not one held by a live process', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(dir, 'gasdesk.lock'), dead.stdout);
    const a = new App({ dataDir: dir });
    a.close();
    writeFileSync(join(dir, 'gasdesk.lock'), String(process.ppid));
    let err: unknown;
    try {
      new App({ dataDir: dir }).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DATA_IN_USE');
  });
});
