#!/usr/bin/env node
// `npm run build`: builds everything that can be built without downloading anything — the renderer (vite),
// the Electron main and preload bundles, the pull worker and the head-office server bundle (esbuild) — copies the migrations
// next to the bundles, and validates the electron-builder configuration.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { validateBuilderConfig } from './validate-builder-config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}out`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const native = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'pg-native'];

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

export async function buildAll({ skipRenderer = false } = {}) {
  rmSync(`${out}/electron`, { recursive: true, force: true });
  if (!skipRenderer) await vite({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: native,
    logLevel: 'warning',
  };
  await esbuild({
    ...common,
    ...importMetaShim,
    entryPoints: [`${root}electron/main.ts`],
    outfile: `${out}/electron/main.cjs`,
    format: 'cjs',
  });
  await esbuild({
    ...common,
    ...importMetaShim,
    entryPoints: [`${root}services/sync/pull-worker.ts`],
    outfile: `${out}/electron/pull-worker.cjs`,
    format: 'cjs',
  });
  await esbuild({
    ...common,
    entryPoints: [`${root}electron/preload.ts`],
    outfile: `${out}/electron/preload.cjs`,
    format: 'cjs',
    sourcemap: false,
  });
  mkdirSync(`${out}/electron`, { recursive: true });
  cpSync(`${root}db/migrations`, `${out}/electron/migrations`, { recursive: true });
  writeFileSync(
    `${out}/build-info.json`,
    JSON.stringify({ version: pkg.version, builtAt: new Date().toISOString(), commit: gitCommit() }),
  );
  validateBuilderConfig(root, pkg);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  await buildAll({ skipRenderer: process.argv.includes('--skip-renderer') });
  console.log(
    `built into out/ in ${((Date.now() - t) / 1000).toFixed(1)} s (renderer, electron main + preload, pull worker, migrations); electron-builder config valid`,
  );
}
