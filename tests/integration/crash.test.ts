import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../db';
import { App } from '../../services/app';
import { seedDemo } from '../../services/setup/demo';
import { tempDir } from '../support/app';

const ROOT = join(import.meta.dirname, '../..');

/** Runs the burst writer and kills it with SIGKILL once `acks` operations were acknowledged. */
function burstAndKill(
  dir: string,
  acks: number,
  round: number,
): Promise<{ seq: number; accountNo: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/write-burst.ts'), dir, String(round)],
      { cwd: ROOT },
    );
    const seen: { seq: number; accountNo: string }[] = [];
    let buf = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        const [, seq, accountNo] = l.split(' ');
        seen.push({ seq: Number(seq), accountNo: accountNo! });
      }
      if (seen.length >= acks && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(new Error(`writer exited without being killed: ${signal} ${err}`)),
    );
    child.on('error', reject);
  });
}

describe('kill -9 in the middle of a burst of writes', () => {
  it('leaves an intact database holding every acknowledged operation and a verifying ledger', async () => {
    const dir = tempDir();
    const setup = new App({ dataDir: dir });
    await seedDemo(setup, 0);
    setup.close();

    for (const round of [40, 25]) {
      const acked = await burstAndKill(dir, round, round);
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
