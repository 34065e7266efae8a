/**
 * The built `gasdesk` command runs on its own: the CLI bundle (esbuild only, into a temporary folder) is laid out
 * as an installed package — cli/bin/gasdesk.js, out/cli, out/build-info.json, out/renderer — in a folder where
 * nothing but the native modules can be found (NODE_PATH names a folder holding just them; tsx, PGlite, fastify
 * and the rest must come from the bundle), and run from another empty folder: --help, serve answering its API
 * and its page, head office on PGlite answering /health, the reader emulator on a pty. Every wait is for the
 * child's own line, not for time.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ptyPair, ROOT } from '../support/socat';

const NATIVE = ['better-sqlite3', 'serialport', '@serialport', 'node-hid'];

let tmp: string;
let pkg: string;
let cwd: string;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gasdesk-bundle-'));
  pkg = join(tmp, 'pkg');
  cwd = join(tmp, 'cwd');
  const native = join(tmp, 'native');
  for (const d of [pkg, cwd, native, join(pkg, 'out/renderer'), join(pkg, 'cli/bin')])
    mkdirSync(d, { recursive: true });
  // @ts-expect-error: the build script is plain JavaScript
  const { buildCommand } = await import('../../build/build.js');
  await buildCommand({ outDir: join(pkg, 'out') });
  cpSync(join(ROOT, 'cli/bin/gasdesk.js'), join(pkg, 'cli/bin/gasdesk.js'));
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'gasdesk',
      version: '0.0.0-test',
      type: 'module',
      bin: { gasdesk: 'cli/bin/gasdesk.js' },
    }),
  );
  // The UI is vite's business and not under test here: a page stands in for it.
  writeFileSync(join(pkg, 'out/renderer/index.html'), '<!doctype html><title>GasDesk bundle test</title>');
  for (const m of NATIVE) symlinkSync(join(ROOT, 'node_modules', m), join(native, m));
  const { GASDESK_FROM_SOURCE: _source, DATABASE_URL: _db, NODE_OPTIONS: _opts, ...rest } = process.env;
  env = { ...rest, NODE_PATH: native, GASDESK_DATA: join(tmp, 'data'), GASDESK_LOG_LEVEL: 'warn' };
}, 180_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  return gone;
}

/** `gasdesk ARGS` from the empty folder; resolves with the first match of `ready` on stdout. */
function start(args: string[], ready: RegExp, extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [join(pkg, 'cli/bin/gasdesk.js'), ...args], {
    cwd,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => {
    err += c;
  });
  return new Promise<{ child: ChildProcess; match: RegExpExecArray }>((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.once('exit', (code) =>
      reject(new Error(`gasdesk ${args.join(' ')} exited ${code}\n${out}\n${err}`)),
    );
  });
}

describe('the built gasdesk command', () => {
  it('finds neither tsx nor any bundled package outside the bundle', () => {
    for (const name of ['tsx', 'fastify', '@electric-sql/pglite', 'better-sqlite3']) {
      const r = spawnSync(process.execPath, ['-p', `require.resolve(${JSON.stringify(name)})`], {
        cwd: join(pkg, 'out/cli'),
        env,
        encoding: 'utf8',
      });
      expect(r.status === 0, name).toBe(name === 'better-sqlite3');
    }
  });

  it('--help', () => {
    const r = spawnSync(process.execPath, [join(pkg, 'cli/bin/gasdesk.js'), '--help'], {
      cwd,
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: gasdesk <command>');
  });

  it('serve --demo --throwaway answers its API and serves the page', async () => {
    const { child, match } = await start(
      ['serve', '--demo', '--throwaway', '--port', '0'],
      /serving at (http:\/\/\S+)\/#token=(\S+)/,
    );
    const [, origin, token] = match;
    const info = await fetch(`${origin}/api/system.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(info.status).toBe(200);
    // The version comes from out/build-info.json: the bundle reads no package.json.
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(await info.json()).toMatchObject({ ok: true, result: { version, demo: true } });
    const page = await fetch(`${origin}/`);
    expect(await page.text()).toContain('GasDesk bundle test');
    await stop(child);
    expect(child.exitCode).toBe(0);
  }, 120_000);

  it('server (PGlite) applies its migrations and answers /health', async () => {
    const { child, match } = await start(
      ['server', '--data', join(tmp, 'head-office'), '--port', '0'],
      /head office ready at (http:\/\/\S+)/,
      { GASDESK_ADMIN_TOKEN: 'bundle-test-admin-token-0123456789' },
    );
    const health = await fetch(`${match[1]}/health`);
    expect(health.status).toBe(200);
    await stop(child);
  }, 180_000);

  it('emulate reader starts on a serial device', async () => {
    const pair = await ptyPair(tmp);
    try {
      const { child, match } = await start(
        ['emulate', 'reader', '--serial', pair.a, '--baud', '9600'],
        /control at (http:\/\/\S+)/,
      );
      expect(match[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await stop(child);
    } finally {
      pair.stop();
    }
  }, 120_000);
});
