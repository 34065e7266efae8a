import { chmodSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerOnlyAclArgs } from '../../db';
import { App } from '../../services/app';
import { backupDir, runBackup } from '../../services/backup/backups';
import { seedDemo } from '../../services/setup/demo';
import { tempDir } from '../support/app';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder of the data folder that holds counter data, with its permission bits. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(dir).toString(8) };
  const walk = (d: string, rel: string) => {
    for (const f of readdirSync(d)) {
      if (f === 'gasdesk.lock') continue;
      const p = join(d, f);
      out[`${rel}${f}`] = mode(p).toString(8);
      if (statSync(p).isDirectory()) walk(p, `${rel}${f}/`);
    }
  };
  walk(dir, '');
  return out;
}

/** What owner-only means for each of them: 0700 for a folder, 0600 for a file. */
function ownerOnly(dir: string, m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(m).map((k) => [k, statSync(join(dir, k)).isDirectory() ? '700' : '600']),
  );
}

describe.runIf(process.platform !== 'win32')('the counter’s files at rest (Linux and macOS modes)', () => {
  let umask = 0;
  beforeEach(() => {
    // The most permissive umask: the modes must not depend on the user's.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('creates the database, its WAL and SHM, the key file, backups and their folders owner-only', async () => {
    const dir = tempDir('gasdesk-modes-');
    chmodSync(dir, 0o755);
    const app = new App({ dataDir: dir });
    try {
      await seedDemo(app, 1);
      await runBackup(app, 'manual', null);
      const m = modes(dir);
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining([
          '.',
          'gasdesk.sqlite',
          'gasdesk.sqlite-wal',
          'gasdesk.sqlite-shm',
          'keys/kek',
        ]),
      );
      expect(m).toMatchObject({ '.': '700', 'gasdesk.sqlite': '600', 'gasdesk.sqlite-wal': '600' });
      expect(m).toMatchObject({
        'gasdesk.sqlite-shm': '600',
        keys: '700',
        'keys/kek': '600',
        backups: '700',
      });
      const backup = readdirSync(backupDir(dir))[0]!;
      expect(m[`backups/${backup}`]).toBe('600');
    } finally {
      app.close();
    }
  });

  it('tightens the files of a counter made before (database, WAL, SHM, backups, kept-aside copy, key file)', async () => {
    const dir = tempDir('gasdesk-modes-');
    const first = new App({ dataDir: dir });
    await seedDemo(first, 1);
    await runBackup(first, 'manual', null);
    copyFileSync(join(dir, 'gasdesk.sqlite'), join(dir, 'gasdesk-before-restore-20260101-000000.sqlite'));
    first.close();
    // A counter from before: everything readable by anyone (the WAL and SHM are made by the next open).
    const loose = (p: string, folder = false) => chmodSync(p, folder ? 0o755 : 0o644);
    for (const f of readdirSync(dir))
      if (f !== 'gasdesk.lock') loose(join(dir, f), f === 'keys' || f === 'backups');
    for (const f of readdirSync(backupDir(dir))) loose(join(backupDir(dir), f));
    loose(join(dir, 'keys', 'kek'));
    loose(dir, true);
    expect(Object.values(modes(dir)).every((v) => v === '644' || v === '755')).toBe(true);

    const again = new App({ dataDir: dir });
    try {
      const m = modes(dir);
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining([
          'gasdesk.sqlite-wal',
          'keys/kek',
          'gasdesk-before-restore-20260101-000000.sqlite',
        ]),
      );
      expect(m).toEqual(ownerOnly(dir, m));
    } finally {
      again.close();
    }
  });
});

describe('the counter’s files on Windows', () => {
  it('grants the current user alone, folders passing it on to what they hold, nothing inherited', () => {
    expect(ownerOnlyAclArgs('C:\\data\\gasdesk.sqlite', 'HALL\\clerk', false)).toEqual([
      'C:\\data\\gasdesk.sqlite',
      '/inheritance:r',
      '/grant:r',
      'HALL\\clerk:F',
    ]);
    expect(ownerOnlyAclArgs('C:\\data', 'HALL\\clerk', true)).toEqual([
      'C:\\data',
      '/inheritance:r',
      '/grant:r',
      'HALL\\clerk:(OI)(CI)F',
    ]);
  });
});
