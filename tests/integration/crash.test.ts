import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../db';
import { App } from '../../services/app';
import { seedDemo } from '../../services/setup/demo';
import { tempDir } from '../support/app';
import { burstAndKill } from '../support/burst';

const ROOT = join(import.meta.dirname, '../..');

describe('kill -9 in the middle of a burst of writes', () => {
  it('leaves an intact database holding every acknowledged operation and a verifying ledger', async () => {
    const dir = tempDir();
    const setup = new App({ dataDir: dir });
    await seedDemo(setup, 0);
    setup.close();

    for (const round of [40, 25]) {
      const acked = (await burstAndKill('tests/fixtures/write-burst.ts', [dir, String(round)], round)).map(
        (f) => ({ seq: Number(f[0]), accountNo: f[1]! }),
      );
      expect(acked.length).toBeGreaterThanOrEqual(round);
      const db = new Database(join(dir, 'gasdesk.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const last = acked[acked.length - 1]!;
      const present = db.prepare('SELECT count(*) AS n FROM outbox WHERE seq <= ?').get(last.seq) as {
        n: number;
      };
      expect(present.n).toBe(last.seq);
      for (const a of acked)
        expect(db.prepare('SELECT 1 FROM customers WHERE account_no = ?').get(a.accountNo)).toBeTruthy();
      expect(verifyLedger(db)).toMatchObject({ ok: true });
      db.close();
    }
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'cli/bin/gasdesk.js'), 'db', 'verify', '--data', dir],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('integrity ok');
  });
});
