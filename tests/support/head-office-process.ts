/**
 * Test support: head office as its own process (`gasdesk server`), as in production — for kill -9 tests and
 * the benchmarks. Resolves once it prints its ready line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN_TOKEN, adminCaller } from './head-office';
import type { Json } from './json';

const ROOT = join(import.meta.dirname, '../..');

export interface HeadOfficeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json>;
  /** Stops it (SIGTERM) or kills it (SIGKILL); resolves when it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnHeadOffice(opts: {
  dataDir?: string;
  url?: string;
  port?: number;
}): Promise<HeadOfficeProcess> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GASDESK_ADMIN_TOKEN: ADMIN_TOKEN,
      GASDESK_LOG_LEVEL: process.env.GASDESK_TEST_LOG ?? 'warn',
    };
    if (opts.url) env.DATABASE_URL = opts.url;
    else delete env.DATABASE_URL;
    const args = [join(ROOT, 'cli/bin/gasdesk.js'), 'server', '--port', String(opts.port ?? 0)];
    if (opts.dataDir) args.push('--data', opts.dataDir);
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /head office ready at (http:\/\/\S+)/.exec(out);
      if (m && !url) {
        url = m[1]!;
        resolve({
          url,
          child,
          admin: adminCaller(url),
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await gone;
          },
        });
      }
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    let url = '';
    child.once('exit', (code) => {
      if (!url) reject(new Error(`gasdesk server exited ${code}: ${err}${out}`));
    });
  });
}
