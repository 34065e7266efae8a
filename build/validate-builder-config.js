// Checks build/electron-builder.json against what packaging needs, without downloading anything:
// targets for Windows x64 (NSIS) and Linux x64/arm64 (deb, AppImage), native modules unpacked from the asar,
// the migrations shipped, and the files it names present after a build.
import { existsSync, readFileSync } from 'node:fs';

export function validateBuilderConfig(root, pkg) {
  const cfg = JSON.parse(readFileSync(`${root}build/electron-builder.json`, 'utf8'));
  const problems = [];
  if (cfg.appId !== 'cn.gasdesk.counter') problems.push('appId must be cn.gasdesk.counter');
  const win = JSON.stringify(cfg.win?.target ?? []);
  if (!win.includes('nsis') || !win.includes('x64')) problems.push('win target must be nsis x64');
  const linux = JSON.stringify(cfg.linux?.target ?? []);
  for (const t of ['deb', 'AppImage', 'x64', 'arm64'])
    if (!linux.includes(t)) problems.push(`linux targets must include ${t}`);
  for (const m of ['better-sqlite3', 'serialport', 'node-hid', 'koffi'])
    if (!(cfg.asarUnpack ?? []).some((p) => p.includes(m)))
      problems.push(`${m} must be unpacked from the asar`);
  for (const w of ['pull-worker.cjs', 'backup-check-worker.cjs', 'termb-host.cjs', 'lib-host.cjs'])
    if (!(cfg.asarUnpack ?? []).includes(`out/electron/${w}`))
      problems.push(`out/electron/${w} must be unpacked from the asar (worker threads load plain files)`);
  if (!(cfg.files ?? []).some((f) => f.startsWith('out/')))
    problems.push('files must include the out/ bundles');
  if (!(cfg.extraMetadata?.main ?? pkg.main)?.startsWith('out/electron/'))
    problems.push('main must point into out/electron');
  for (const f of [
    'out/electron/main.cjs',
    'out/electron/preload.cjs',
    'out/electron/pull-worker.cjs',
    'out/electron/backup-check-worker.cjs',
    'out/electron/termb-host.cjs',
    'out/electron/lib-host.cjs',
    'out/electron/migrations/meta/_journal.json',
  ])
    if (!existsSync(`${root}${f}`)) problems.push(`missing after build: ${f}`);
  if (problems.length)
    throw new Error(`build/electron-builder.json is not valid:\n  ${problems.join('\n  ')}`);
}
