#!/usr/bin/env node
// `npm run build`: builds everything that can be built without downloading anything — the renderer (vite),
// the Electron main and preload bundles, the worker threads (pull, backup check), and the `gasdesk` command (out/cli/gasdesk.cjs: serve
// mode, head office, the emulators, db, card, print; its own pull worker beside it) with esbuild — copies the
// migrations and PGlite's files next to the bundles, and validates the electron-builder configuration.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { mb, packageSize } from './package-size.js';
import { validateBuilderConfig, validateBuilderSchema } from './validate-builder-config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}out`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const native = [
  'electron',
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'pg-native',
  'koffi',
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: native,
  logLevel: 'warning',
};

/** CommonJS bundles still resolve `new URL('./migrations', import.meta.url)` next to themselves. */
const importMetaShim = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname' },
};

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The worker threads, each built beside the bundle that starts it (its host finds it next to itself), and the
 * child processes that hold device makers' libraries (drivers/idcard/termb-host.ts, drivers/ffi/lib-host.ts),
 * found the same way.
 */
const WORKERS = [
  ['services/sync/pull-worker.ts', 'pull-worker.cjs'],
  ['db/backup-check-worker.ts', 'backup-check-worker.cjs'],
  ['drivers/idcard/termb-host.ts', 'termb-host.cjs'],
  ['drivers/ffi/lib-host.ts', 'lib-host.cjs'],
];

/** PGlite finds its WebAssembly and file-system image beside the module that loads it: here, gasdesk.cjs. */
const PGLITE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm', 'pg_trgm.tar.gz'];

/**
 * Builds into `outDir` (out/ by default; the bundle test builds into a temporary folder). `skipRenderer` leaves
 * the vite build out (out/renderer is then whatever was built before, or absent).
 */
export async function buildAll({ skipRenderer = false, outDir = out } = {}) {
  rmSync(`${outDir}/electron`, { recursive: true, force: true });
  if (!skipRenderer) await vite({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
  await esbuild({
    ...common,
    ...importMetaShim,
    entryPoints: [`${root}electron/main.ts`],
    outfile: `${outDir}/electron/main.cjs`,
    format: 'cjs',
  });
  for (const [entry, name] of WORKERS)
    await esbuild({
      ...common,
      ...importMetaShim,
      entryPoints: [`${root}${entry}`],
      outfile: `${outDir}/electron/${name}`,
      format: 'cjs',
    });
  await esbuild({
    ...common,
    entryPoints: [`${root}electron/preload.ts`],
    outfile: `${outDir}/electron/preload.cjs`,
    format: 'cjs',
    sourcemap: false,
  });
  mkdirSync(`${outDir}/electron`, { recursive: true });
  cpSync(`${root}db/migrations`, `${outDir}/electron/migrations`, { recursive: true });
  // The company's update public key, inside the asar (integrity-checked): without it auto-update stays off.
  if (existsSync(`${root}build/update-public-key.pem`))
    cpSync(`${root}build/update-public-key.pem`, `${outDir}/electron/update-public-key.pem`);
  await buildCommand({ outDir });
  // The configuration names out/ of the project: only a build there is checked against it.
  if (outDir === out) validateBuilderConfig(root, pkg);
  return outDir;
}

/**
 * The `gasdesk` command as one CommonJS file (cli/bin/gasdesk.js loads it when present), with what it reads at
 * run time beside it: the counter's migrations, head office's (server-migrations/), the worker threads, PGlite's
 * files; it finds the UI in ../renderer and its version in ../build-info.json. vite stays out: the bundle never
 * builds the UI. Also writes ../build-info.json.
 */
export async function buildCommand({ outDir = out } = {}) {
  const dir = `${outDir}/cli`;
  rmSync(dir, { recursive: true, force: true });
  const cli = await esbuild({
    ...common,
    ...importMetaShim,
    external: [...native, 'vite'],
    entryPoints: [`${root}cli/main.ts`],
    outfile: `${dir}/gasdesk.cjs`,
    format: 'cjs',
    absWorkingDir: root,
    metafile: true,
  });
  const workers = [];
  for (const [entry, name] of WORKERS)
    workers.push(
      await esbuild({
        ...common,
        ...importMetaShim,
        entryPoints: [`${root}${entry}`],
        outfile: `${dir}/${name}`,
        format: 'cjs',
        absWorkingDir: root,
        metafile: true,
      }),
    );
  // The project's own files in the bundles: in a checkout, cli/bin/gasdesk.js runs the sources instead of a
  // bundle older than one of them.
  const inputs = Object.keys(
    Object.assign({}, cli.metafile.inputs, ...workers.map((w) => w.metafile.inputs)),
  );
  writeFileSync(`${dir}/inputs.json`, JSON.stringify(inputs.filter((f) => !f.includes('node_modules/'))));
  cpSync(`${root}db/migrations`, `${dir}/migrations`, { recursive: true });
  cpSync(`${root}server/migrations`, `${dir}/server-migrations`, { recursive: true });
  const pglite = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const f of PGLITE_FILES) cpSync(`${pglite}/${f}`, `${dir}/${f}`);
  writeFileSync(
    `${outDir}/build-info.json`,
    JSON.stringify({ version: pkg.version, builtAt: new Date().toISOString(), commit: gitCommit() }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  await buildAll({ skipRenderer: process.argv.includes('--skip-renderer') });
  const cfg = JSON.parse(readFileSync(`${root}build/electron-builder.json`, 'utf8'));
  await validateBuilderSchema(cfg);
  const size = packageSize(root, cfg);
  console.log(
    `built into out/ in ${((Date.now() - t) / 1000).toFixed(1)} s (renderer, electron main + preload, pull and backup-check workers, the gasdesk command in out/cli, migrations); electron-builder config valid (its schema and ours)`,
  );
  console.log(
    `desktop package: ${mb(size.asarBytes + size.unpackedBytes)} of application files (${size.files} files: ${mb(size.asarBytes)} in the asar, ${mb(size.unpackedBytes)} unpacked beside it), plus Electron's runtime`,
  );
}
