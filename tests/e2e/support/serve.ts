/**
 * End-to-end support: `gasdesk serve --demo --throwaway` on a free port, and Debian's Chromium driven by
 * playwright-core. Runtime: Node.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

export interface Served {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the demo counter (or, given `dataDir`, the counter set up there); resolves once it prints `serving at
 * <URL>`. `args` are further `serve` options (e.g. `--idcard`), `env` added to its environment.
 */
export function serveDemo(
  timeoutMs = 90_000,
  opts: { args?: string[]; env?: Record<string, string>; dataDir?: string } = {},
): Promise<Served> {
  const which = opts.dataDir ? ['--data', opts.dataDir] : ['--demo', '--throwaway'];
  const child: ChildProcess = spawn(
    process.execPath,
    ['cli/bin/gasdesk.js', 'serve', ...which, '--port', '0', ...(opts.args ?? [])],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<Served>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`gasdesk serve did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      stdout += d;
      const m = /serving at (\S+)\r?\n/.exec(stdout); // the whole line: chunks may split the URL
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gasdesk serve exited early (code ${code})\n${stderr}`));
    });
  });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  return context.newPage();
}
