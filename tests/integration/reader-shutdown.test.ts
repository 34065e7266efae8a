/**
 * `gasdesk serve --reader serial:…` lets the reader's port go on SIGTERM and SIGINT, and a port held by another
 * program is said in Chinese, naming it — by `gasdesk card info`, and by a second counter at start-up (its log
 * and devices.status), which takes the reader once the first one is gone. Real ptys (socat), real children.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReaderEmulator } from '../../drivers/card-reader/emulator';
import { type SerialEmulatorLink, serveOnSerial } from '../../drivers/card-reader/serial-emulator';
import { openSerial } from '../../drivers/card-reader/serial-transport';
import { Sle4442 } from '../../drivers/card-reader/sle4442';
import { tempDir } from '../support/app';
import type { Json } from '../support/json';
import { ptyPair, ROOT } from '../support/socat';

const BAUD = 115200;
let pair: Awaited<ReturnType<typeof ptyPair>>;
let link: SerialEmulatorLink;
const children: ChildProcess[] = [];

interface Served {
  child: ChildProcess;
  url: URL;
  token: string;
  stderr: () => string;
  exited: Promise<number>;
}

/** `gasdesk serve` on the pty's host end; resolves once it serves. */
function serve(): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'cli/bin/gasdesk.js'),
      'serve',
      '--throwaway',
      '--demo',
      '--port',
      '0',
      '--reader',
      `serial:${pair.b}@${BAUD}`,
    ],
    { cwd: ROOT },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => {
    err += c;
  });
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(performance.now())));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /serving at (\S+)\n/.exec(out);
      if (m) {
        const url = new URL(m[1]!);
        resolve({ child, url, token: url.hash.replace('#token=', ''), stderr: () => err, exited });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

async function api(s: Served, op: string, body: object, session?: string): Promise<Json> {
  const r = await fetch(new URL(`/api/${op}`, s.url.origin), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${s.token}`,
      'content-type': 'application/json',
      ...(session ? { 'x-gasdesk-session': session } : {}),
    },
    body: JSON.stringify(body),
  });
  return r.json();
}

async function readerStatus(s: Served) {
  const login = await api(s, 'auth.login', {
    username: 'zhangli',
    password: 'demo1234',
    requestId: randomUUID(),
  });
  const out = await api(s, 'devices.status', {}, login.result.sessionId);
  return out.result.reader as { status: string; lastError: string | null };
}

function cardInfo(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'cli/bin/gasdesk.js'), 'card', 'info', '--reader', `serial:${pair.b}@${BAUD}`],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** The port opens (nobody holds it): opened and closed again. */
async function portIsFree(): Promise<boolean> {
  const t = await openSerial({ path: pair.b, baudRate: BAUD });
  await t.close();
  return true;
}

beforeAll(async () => {
  pair = await ptyPair(tempDir('gasdesk-shutdown-', { shared: true }));
  const emu = new ReaderEmulator();
  emu.insert(Sle4442.blank([0xff, 0xff, 0xff]));
  link = await serveOnSerial(emu, { path: pair.a, baudRate: BAUD });
});

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

afterAll(async () => {
  await link?.close();
  pair?.stop();
});

describe('the counter releases its reader', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`on ${signal}: the port is closed within 2 s, and a second open succeeds`, async () => {
      const s = await serve();
      await expect(openSerial({ path: pair.b, baudRate: BAUD })).rejects.toMatchObject({ problem: 'BUSY' });
      const sent = performance.now();
      s.child.kill(signal);
      // Bounded, so that a counter that never exits fails here rather than at the test's timeout.
      const gone = await Promise.race([
        s.exited,
        new Promise<number>((r) => setTimeout(() => r(Infinity), 10_000)),
      ]);
      expect(gone - sent).toBeLessThan(2000);
      expect(await portIsFree()).toBe(true);
    }, 60_000);

  it('a port held by another counter: card info and a second counter at start-up name it; the second takes over once the first is gone', async () => {
    const first = await serve();
    const pid = first.child.pid!;
    const info = await cardInfo();
    expect(info.code).toBe(1);
    expect(info.stderr).toContain('[READER_PORT_BUSY]');
    expect(info.stderr).toMatch(new RegExp(`正被另一个程序占用：进程 ${pid}（[^）]*gasdesk\\.js serve`));

    const second = await serve();
    expect(second.stderr()).toContain('启动时未能检查读卡器中的卡');
    expect(second.stderr()).toContain(`进程 ${pid}`);
    expect(second.stderr()).toContain('[READER_PORT_BUSY]');
    const status = await readerStatus(second);
    expect(status.status).toBe('disconnected');
    expect(status.lastError).toContain(`进程 ${pid}`);

    first.child.kill('SIGTERM');
    await first.exited;
    // The second counter keeps looking for its reader, and finds the port free now.
    await vi.waitFor(async () => expect((await readerStatus(second)).status).toBe('connected'), {
      timeout: 20_000,
      interval: 250,
    });
    second.child.kill('SIGTERM');
    await second.exited;
    expect(await portIsFree()).toBe(true);
  }, 120_000);
});
