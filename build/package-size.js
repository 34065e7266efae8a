// What the desktop package holds of the application, from build/electron-builder.json's `files` and `asarUnpack`
// after a build: the bytes in the asar and the bytes unpacked beside it (native modules, worker threads). Electron's
// own runtime (about 100 MB unpacked per platform) comes on top; it is not downloaded here.
// The configuration's patterns are read in the only forms it uses ("dir/**", an exact file, "!" before either);
// any other form is refused rather than counted wrongly.
import { existsSync, readdirSync, statSync } from 'node:fs';

function patternOf(p) {
  const negated = p.startsWith('!');
  const body = negated ? p.slice(1) : p;
  if (/[*?{}[\]]/.test(body.replace(/\/\*\*$/, '')))
    throw new Error(`package size: pattern ${p} is not of a form this count reads`);
  return { negated, dir: body.endsWith('/**'), path: body.replace(/\/\*\*$/, '') };
}

const matches = (pat, file) => (pat.dir ? file.startsWith(`${pat.path}/`) : file === pat.path);

function walk(root, rel, out) {
  const abs = `${root}${rel}`;
  const st = statSync(abs);
  if (st.isDirectory()) for (const e of readdirSync(abs)) walk(root, `${rel}/${e}`, out);
  else out.push([rel, st.size]);
}

/** `{ files, asarBytes, unpackedBytes }` of the package's application files under `root` (with a trailing /). */
export function packageSize(root, cfg) {
  const pats = (cfg.files ?? []).map(patternOf);
  const unpack = (cfg.asarUnpack ?? []).map(patternOf);
  const candidates = [];
  for (const p of pats) if (!p.negated && existsSync(`${root}${p.path}`)) walk(root, p.path, candidates);
  const seen = new Set();
  let files = 0;
  let asarBytes = 0;
  let unpackedBytes = 0;
  for (const [file, size] of candidates) {
    if (seen.has(file)) continue;
    seen.add(file);
    // As electron-builder reads them: the last pattern that matches decides.
    let included = false;
    for (const p of pats) if (matches(p, file)) included = !p.negated;
    if (!included) continue;
    files += 1;
    if (unpack.some((p) => matches(p, file))) unpackedBytes += size;
    else asarBytes += size;
  }
  return { files, asarBytes, unpackedBytes };
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
