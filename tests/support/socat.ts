/** Test support: a socat pty pair (two linked serial devices) and a child `gasdesk` process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Json } from './json';

export const ROOT = join(import.meta.dirname, '../..');

/**
 * A socat pty pair, returned once socat says it is transferring data (`-d -d` prints "starting data transfer
 * loop" after both ptys are set raw and linked): the links alone can exist before the ptys are raw, and bytes
 * written then are mangled by the terminal line discipline — on a loaded machine that window is long.
 */
export async function ptyPair(dir: string): Promise<{ a: string; b: string; stop(): void }> {
  const a = join(dir, 'ttyA');
  const b = join(dir, 'ttyB');
  const p = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`socat did not start: ${err}`)), 60_000);
    p.stderr!.on('data', (c) => {
      err += c;
      if (/starting data transfer loop/.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
    p.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited ${code}: ${err}`));
    });
  });
  p.stderr!.resume();
  if (!existsSync(a) || !existsSync(b)) throw new Error('socat did not create the pty pair');
  return { a, b, stop: () => p.kill('SIGTERM') };
}

/** Runs `gasdesk …` and resolves with the first stdout line matching `ready`. */
export function gasdesk(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli/bin/gasdesk.js'), ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.stderr!.on('data', (c) => {
      err += c;
    });
    child.on('exit', (code) => reject(new Error(`gasdesk ${args.join(' ')} exited ${code}: ${err}`)));
  });
}

/**
 * Calls the emulator's control API on a connection of its own (no keep-alive): a connection kept from an
 * earlier call may be the one the emulator is just closing as idle, and the call then fails with
 * "other side closed" on a loaded machine.
 */
export function control(base: string, path: string, body?: unknown): Promise<Json> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: body === undefined && path === '/state' ? 'GET' : 'POST',
        agent: false,
        headers:
          data === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as Json);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
