// The packages the desktop bundle leaves out (native modules) and everything they load (optional platform
// packages included, e.g. koffi's prebuilt binaries), from package-lock.json:
// the only node_modules the asar holds (build/electron-builder.json names them; validate-builder-config.js
// checks that it names exactly these). Resolved as Node resolves: a nested copy first, then the top level.
import { readFileSync } from 'node:fs';

/** The native modules the Electron bundle loads at run time (build.js keeps them external). */
export const DESKTOP_NATIVE = ['better-sqlite3', 'serialport', 'node-hid', 'koffi'];

/** Top-level package names under node_modules/ that the native modules need, sorted. */
export function nativeClosure(root) {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')).packages;
  const seen = new Set();
  const visit = (name, from) => {
    let base = from;
    let key = `${base ? `${base}/` : ''}node_modules/${name}`;
    while (!lock[key] && base) {
      const i = base.lastIndexOf('/node_modules/');
      base = i < 0 ? '' : base.slice(0, i);
      key = `${base ? `${base}/` : ''}node_modules/${name}`;
    }
    if (!lock[key] || seen.has(key)) return;
    seen.add(key);
    const { dependencies = {}, optionalDependencies = {} } = lock[key];
    for (const dep of Object.keys({ ...dependencies, ...optionalDependencies })) visit(dep, key);
  };
  for (const m of DESKTOP_NATIVE) visit(m, '');
  return [...seen]
    .filter((k) => k.split('/node_modules/').length === 1)
    .map((k) => k.slice('node_modules/'.length))
    .sort();
}
