/**
 * `npm run build` prints the desktop package's size from build/electron-builder.json: the files its patterns keep,
 * split into the asar and what is unpacked beside it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain-JavaScript build script, without types
import { packageSize } from '../build/package-size.js';

function tree(files: Record<string, number>) {
  const root = `${mkdtempSync(`${tmpdir()}/pkgsize-`)}/`;
  for (const [f, size] of Object.entries(files)) {
    mkdirSync(dirname(`${root}${f}`), { recursive: true });
    writeFileSync(`${root}${f}`, Buffer.alloc(size));
  }
  return root;
}

it('counts what the patterns keep, the last matching pattern deciding, and the unpacked part apart', () => {
  const root = tree({
    'out/renderer/index.html': 100,
    'out/renderer/console.html': 1000,
    'out/electron/main.cjs': 200,
    'out/electron/pull-worker.cjs': 30,
    'package.json': 5,
    'node_modules/antd/index.js': 5000,
    'node_modules/better-sqlite3/build/b.node': 400,
  });
  const cfg = {
    files: [
      'out/renderer/**',
      '!out/renderer/console.html',
      'out/electron/**',
      'package.json',
      '!node_modules/**',
      'node_modules/better-sqlite3/**',
    ],
    asarUnpack: ['out/electron/pull-worker.cjs', 'node_modules/better-sqlite3/**'],
  };
  expect(packageSize(root, cfg)).toEqual({ files: 5, asarBytes: 305, unpackedBytes: 430 });
});

it('refuses a pattern form it does not read instead of counting it wrongly', () => {
  const root = tree({ 'a.js': 1 });
  expect(() => packageSize(root, { files: ['*.js'] })).toThrow(/not of a form/);
});
