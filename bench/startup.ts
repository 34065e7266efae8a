/**
 * `npm run bench -- startup [RUNS]`: from process start to an interactive login screen in serve mode (the
 * username field focused and typeable, in Chromium), against the time to serve a static page from the same
 * build — a bare Node static server started the same way and the same page loaded — in the same run.
 * Builds first (`npm run build`: the renderer and the bundles), and starts `gasdesk serve` as installed: the
 * command runs out/cli/gasdesk.cjs. Also the process's own start-up, spawn to its `serving at` line with no page
 * loading beside it: the bundle against the same command running the sources through tsx (GASDESK_FROM_SOURCE=1).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error: the build script is plain JavaScript
import { buildAll } from '../build/build.js';
import { App } from '../services/app';
import { seedDemo } from '../services/setup/demo';
import { emit, log, percentile } from './support';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 5);
const CLI = join(ROOT, 'cli/bin/gasdesk.js');
const { GASDESK_FROM_SOURCE: _, ...ENV } = process.env;

function start(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = ENV,
): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = ready.exec(out);
      if (m) resolve({ child, url: m[1]!, readyMs: performance.now() - t0 });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

const STATIC_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
const root = process.argv[1];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const s = http.createServer((req, res) => {
  const f = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname === '/' ? '/index.html' : new URL(req.url, 'http://x').pathname));
  fs.readFile(f, (e, b) => { if (e) { res.writeHead(404); return res.end(); } res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' }); res.end(b); });
});
s.listen(0, '127.0.0.1', () => console.log('static at http://127.0.0.1:' + s.address().port + '/'));
`;

log('building (npm run build)…');
await buildAll();
const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-startup-'));
const app = new App({ dataDir: dir });
await seedDemo(app, 50);
app.close();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
  ],
});
const serveTimes: number[] = [];
const staticTimes: number[] = [];
const bundleReady: number[] = [];
const tsxReady: number[] = [];
try {
  for (let i = 0; i <= RUNS; i++) {
    const page = await browser.newPage();
    let t0 = performance.now();
    const s = await start([CLI, 'serve', '--data', dir, '--port', '0'], /serving at (\S+)/);
    await page.goto(s.url);
    await page.getByLabel('登录名').fill('z');
    const serve = performance.now() - t0;
    await stop(s.child);
    await page.close();
    // A fresh page for the baseline too, opened before its clock starts, as the serve's was.
    const blank = await browser.newPage();
    t0 = performance.now();
    const st = await start(['-e', STATIC_SERVER, join(ROOT, 'out/renderer')], /static at (\S+)/);
    await blank.goto(st.url, { waitUntil: 'load' });
    const stat = performance.now() - t0;
    await stop(st.child);
    await blank.close();
    // Process start-up alone, the bundle and then tsx, with no page loading beside them (Chromium opening a
    // page takes CPU from a process starting at the same time on 2 cores).
    const bundle = await start([CLI, 'serve', '--data', dir, '--port', '0'], /serving at (\S+)/);
    await stop(bundle.child);
    const tsx = await start([CLI, 'serve', '--data', dir, '--port', '0'], /serving at (\S+)/, {
      ...ENV,
      GASDESK_FROM_SOURCE: '1',
    });
    await stop(tsx.child);
    if (i === 0) continue; // warm-up: file caches, the tsx transform cache
    serveTimes.push(serve);
    staticTimes.push(stat);
    bundleReady.push(bundle.readyMs);
    tsxReady.push(tsx.readyMs);
    log(
      `run ${i}: serve ${serve.toFixed(0)} ms (ready there ${s.readyMs.toFixed(0)} ms; alone ${bundle.readyMs.toFixed(0)} ms, through tsx ${tsx.readyMs.toFixed(0)} ms), static ${stat.toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
emit('startup', 'login.p50', percentile(serveTimes, 50), percentile(staticTimes, 50));
emit('startup', 'login.max', Math.max(...serveTimes), Math.max(...staticTimes));
// The bundle's own start-up (spawn to `serving at`) against the sources through tsx: target ≤ 500 ms.
emit('startup', 'ready.p50', percentile(bundleReady, 50), percentile(tsxReady, 50));
emit('startup', 'ready.max', Math.max(...bundleReady), Math.max(...tsxReady));
