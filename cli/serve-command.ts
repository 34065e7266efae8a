/**
 * `gasdesk serve`: the counter in any browser. Serves the built React UI and the API on 127.0.0.1 with a
 * per-run token, and prints one line `serving at <URL>` (the URL carries the token). SIGTERM or SIGINT stops it
 * within 2 s, its devices (the reader's port) released first. Runtime: Node.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { startBackgroundWork } from '../services/background';
import { exitProcess, stuckCalls } from '../drivers/card-reader/ffi/ffi-call';
import { releaseDevices } from '../services/cards/attach';
import { checkIdReaderAtStart, plugIdReader, releaseIdReader } from '../services/idcard/id-reader-station';
import { seedDemo } from '../services/setup/demo';
import { plugCardReader } from './card-reader-setup';
import { buildHttpApi } from './http-api';
import { defaultDataDir, FROM_BUNDLE, PROJECT_ROOT, RENDERER_DIST } from './paths';
import { readVersion } from './version';

/** SIGTERM or SIGINT: the process is gone within this, its devices released first. */
const STOP_DEADLINE_MS = 1800;

async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(RENDERER_DIST, 'index.html'))) return;
  // The bundle ships with its UI built; vite is a development tool, not there in an installation.
  if (FROM_BUNDLE) throw new Error(`界面未构建 the UI is missing: ${RENDERER_DIST} (npm run build)`);
  process.stderr.write('首次运行，正在构建界面… building the UI for the first run…\n');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      demo: { type: 'boolean', default: false },
      throwaway: { type: 'boolean', default: false },
      reader: { type: 'string' },
      idcard: { type: 'string' },
      'print-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`端口不正确 bad port: ${values.port}`);
  const dataDir = values.throwaway
    ? mkdtempSync(join(tmpdir(), 'gasdesk-'))
    : (values.data ?? defaultDataDir());
  await ensureRendererBuilt();

  const app = new App({
    dataDir,
    version: readVersion(),
    printDir: values['print-dir'] ?? process.env.GASDESK_PRINT_DIR,
  });
  if (values.demo && !app.counter()) {
    const staff = await seedDemo(app);
    process.stderr.write(
      `演示营业厅已生成 demo hall ready in ${dataDir}\n演示账号 demo accounts (密码 password):\n`,
    );
    for (const s of staff)
      process.stderr.write(`  ${s.username.padEnd(10)} ${s.roles.join(',').padEnd(11)} ${s.password}\n`);
  }
  if (values.idcard) plugIdReader(app, values.idcard);
  const recovery = await plugCardReader(app, { demo: values.demo, reader: values.reader });
  if (recovery && !recovery.ran && recovery.code)
    process.stderr.write(`${recovery.problem} [${recovery.code}]\n`);
  // The ID reader is checked at start, without holding the counter up: a problem is said on stderr.
  if (app.counter())
    void checkIdReaderAtStart(app).then((r) => {
      if (r && !r.ok) process.stderr.write(`${r.problem}\n`);
    });
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const http = buildHttpApi({
    dispatcher: createDispatcher(app),
    token,
    origin: () => origin,
    staticDir: RENDERER_DIST,
  });
  const address = await http.listen({ host: '127.0.0.1', port });
  origin = address.replace('localhost', '127.0.0.1');
  process.stdout.write(`serving at ${origin}/#token=${token}\n`);
  const stopBackground = startBackgroundWork(app, {
    backups: !values.throwaway,
    onError: (what, e) => process.stderr.write(`${what}: ${String(e)}\n`),
  });

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // The devices go first (a restarted counter must find the reader's port free); whatever still holds the
  // process after the deadline (a hung device, an open connection) does not keep it: it exits.
  setTimeout(() => void exitProcess(0), STOP_DEADLINE_MS).unref();
  await Promise.all([releaseDevices(app), releaseIdReader(app)]);
  stopBackground();
  await http.close();
  app.close();
  if (values.throwaway) rmSync(dataDir, { recursive: true, force: true });
  // A reader library call that never returned would keep the process from exiting: end it all the same.
  if (stuckCalls > 0) await exitProcess(0);
  return 0;
}
