/**
 * The real PC/SC stack for the tests: Debian's pcscd with vsmartcard's vpcd reader (/etc/reader.conf.d/vpcd,
 * "Virtual PCD 00 00" on 127.0.0.1:35963). This machine has no systemd: when no pcscd runs, the tests start
 * `pcscd --foreground` themselves and stop it afterwards; one already running is used as it is. pcsc-lite 1.9
 * has one fixed socket (/run/pcscd/pcscd.comm), so every test that uses pcscd lives in one file.
 * Waits are for events (the socket appearing, the reader listed), never for guessed times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPcscReaders } from '../../drivers/card-reader/pcsc/pcsc-reader';

export const VPCD_READER = 'Virtual PCD 00 00';
const PID_FILE = '/run/pcscd/pcscd.pid';
const SOCKET = '/run/pcscd/pcscd.comm';

let child: ChildProcess | null = null;

function runningPid(): number | null {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number.parseInt(readFileSync(PID_FILE, 'utf8'), 10); // the file ends in a NUL
  if (!Number.isInteger(pid)) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * pcscd and vpcd's port (the virtual card listens on it) are one per machine, shared by everyone's test runs
 * and the card bench: one user at a time, across processes. Taken by the PC/SC rig (reader-rig.ts) until it is
 * closed; a holder that died is passed over. Returns the release.
 */
const LOCK = join(tmpdir(), 'gasdesk-pcscd.lock');
export async function holdPcsc(): Promise<() => void> {
  const release = () => rmSync(LOCK, { recursive: true, force: true });
  await until(
    'the PC/SC lock (another test run or the card bench uses pcscd)',
    () => {
      try {
        mkdirSync(LOCK);
        writeFileSync(join(LOCK, 'pid'), String(process.pid));
        return true;
      } catch {
        let owner = Number.NaN;
        try {
          owner = Number.parseInt(readFileSync(join(LOCK, 'pid'), 'utf8'), 10);
        } catch {}
        if (!Number.isInteger(owner)) return false; // taken or given back this instant
        try {
          process.kill(owner, 0);
        } catch {
          release();
        }
        return false;
      }
    },
    600_000,
  );
  return release;
}

/** Polls `check` on each of pcscd's log lines and on a 50 ms tick until it holds, or fails after `ms`. */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`pcscd: ${what} did not happen within ${ms} ms`);
}

/** Makes sure pcscd runs and lists the vpcd reader. */
export async function startPcscd(): Promise<void> {
  if (!runningPid()) {
    child = spawn('pcscd', ['--foreground'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.resume();
    child.stderr?.resume();
    await until('the socket', () => existsSync(SOCKET) && runningPid() !== null);
  }
  await until(`reader ${VPCD_READER}`, async () =>
    (await listPcscReaders().catch(() => [] as string[])).includes(VPCD_READER),
  );
}

/** Stops pcscd (ours or not: the restart test needs it gone) and waits until it has exited. */
export async function stopPcscd(): Promise<void> {
  const pid = runningPid();
  if (pid === null) return;
  const exited = child && child.pid === pid ? new Promise((r) => child!.once('exit', r)) : null;
  process.kill(pid, 'SIGTERM');
  if (exited) await exited;
  await until('exit', () => runningPid() === null && !existsSync(SOCKET));
  child = null;
}

/** Stops the pcscd this run started (one found running is left alone). */
export async function stopOwnPcscd(): Promise<void> {
  if (child) await stopPcscd();
}
