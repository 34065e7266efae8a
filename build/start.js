#!/usr/bin/env node
// `npm start`: opens the GasDesk desktop app.
// 1. Makes sure the Electron binary is present, fetching it on first launch where the network allows (the
//    install of the `electron` package is skipped by allowScripts, since the binary is not on the npm registry).
// 2. Makes sure better-sqlite3 is built for Electron's ABI, into out/native/ — never in place of the Node build
//    that the tests and `gasdesk serve` use.
// 3. Builds the renderer and the main/preload bundles, and starts Electron on the user's data folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function say(zh, en) {
  console.error(`${zh}\n${en}`);
}

/**
 * The Electron binary if it is there, found as the `electron` package finds it (path.txt names it inside
 * dist/) — but without requiring the package, which would try a download of its own and print its stack.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!name) return null;
  const full = override ? join(override, name) : join(pkg, 'dist', name);
  return existsSync(full) ? full : null;
}

function fetchElectron() {
  say('首次启动：正在下载 Electron 运行环境…', 'First launch: fetching the Electron runtime…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (r.status !== 0)
    console.error(
      `  (${
        (r.stderr ?? '')
          .split('\n')
          .find((l) => /Error/.test(l))
          ?.trim() ?? 'download failed'
      })`,
    );
  return r.status === 0 ? electronBinary() : null;
}

function nodeGyp() {
  const candidates = [
    process.env.npm_execpath &&
      join(dirname(process.env.npm_execpath), '../node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

function sqliteForElectron() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const dir = join(root, 'out/native', `electron-${version}`);
  const binding = join(dir, 'better-sqlite3/build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  say(
    '正在为桌面程序编译 SQLite 驱动（仅首次）…',
    'Building the SQLite driver for the desktop app (first time only)…',
  );
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), join(dir, 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const gyp = nodeGyp();
  if (!gyp) throw new Error('node-gyp not found (it comes with npm)');
  const r = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: join(dir, 'better-sqlite3'), stdio: 'inherit' },
  );
  if (r.status !== 0 || !existsSync(binding)) throw new Error('could not build better-sqlite3 for Electron');
  return binding;
}

const SERVE_HINT = () =>
  say(
    '无法获取 Electron 运行环境（本机可能只能访问 npm 仓库）。请改用浏览器版柜台：\n  npm run serve\n然后打开终端里打印的 “serving at …” 地址。',
    'The Electron runtime could not be fetched (this machine may reach only the npm registry). Use the counter in your browser instead:\n  npm run serve\nthen open the "serving at …" address it prints.',
  );

const electron = electronBinary() ?? fetchElectron();
if (!electron) {
  SERVE_HINT();
  process.exit(1);
}
let binding;
try {
  binding = sqliteForElectron();
} catch (e) {
  say(
    `无法为 Electron 编译 SQLite 驱动：${e.message}`,
    `Could not build the SQLite driver for Electron: ${e.message}`,
  );
  SERVE_HINT();
  process.exit(1);
}
const { buildAll } = await import('./build.js');
await buildAll();
const child = spawn(electron, [root], {
  stdio: 'inherit',
  env: { ...process.env, GASDESK_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
