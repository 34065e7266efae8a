// Checks build/electron-builder.json against what packaging needs, without downloading anything:
// targets for Windows x64 (NSIS) and Linux x64/arm64 (deb, AppImage), native modules unpacked from the asar,
// the asar holding the bundles and the native modules (with what they load) only, the Electron fuses set,
// the migrations shipped, and the files it names present after a build.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nativeClosure } from './native-closure.js';

/** The installers the company ships: [platform, electron-builder target, archs]. */
export const TARGETS = [
  ['win', 'nsis', ['x64']],
  ['linux', 'deb', ['x64', 'arm64']],
  ['linux', 'AppImage', ['x64', 'arm64']],
];

/** The fuses flipped at packaging (docs/install.md, "The desktop package"). */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

function asarProblems(cfg, root) {
  const problems = [];
  for (const [fuse, value] of Object.entries(FUSES))
    if (cfg.electronFuses?.[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}`);
  const files = cfg.files ?? [];
  if (!files.includes('!node_modules/**'))
    problems.push('files must leave node_modules out but for the native modules');
  const named = files.filter((f) => f.startsWith('node_modules/')).map((f) => f.slice(13, -3));
  const needed = nativeClosure(root);
  for (const m of needed)
    if (!named.includes(m))
      problems.push(`files must include node_modules/${m}/** (a native module loads it)`);
  for (const m of named)
    if (!needed.includes(m)) problems.push(`files names node_modules/${m}/**, which no native module loads`);
  return problems;
}

/** What is wrong with the configuration `cfg` itself (the files it names are checked after a build). */
export function builderConfigProblems(cfg, root, pkg) {
  const problems = [];
  if (cfg.appId !== 'cn.gasdesk.counter') problems.push('appId must be cn.gasdesk.counter');
  for (const [platform, target, archs] of TARGETS) {
    const entry = (cfg[platform]?.target ?? []).find((t) => t?.target === target);
    for (const arch of archs)
      if (!entry?.arch?.includes(arch)) problems.push(`${platform} targets must include ${target} ${arch}`);
  }
  for (const m of ['better-sqlite3', 'serialport', 'node-hid', 'koffi'])
    if (!(cfg.asarUnpack ?? []).some((p) => p.includes(m)))
      problems.push(`${m} must be unpacked from the asar`);
  for (const w of ['pull-worker.cjs', 'backup-check-worker.cjs', 'termb-host.cjs', 'lib-host.cjs'])
    if (!(cfg.asarUnpack ?? []).includes(`out/electron/${w}`))
      problems.push(`out/electron/${w} must be unpacked from the asar (worker threads load plain files)`);
  if (!(cfg.files ?? []).some((f) => f.startsWith('out/')))
    problems.push('files must include the out/ bundles');
  const publish = [cfg.publish ?? []].flat();
  if (publish.length !== 1 || publish[0].provider !== 'generic' || !/^https?:\/\//.test(publish[0].url ?? ''))
    problems.push('publish must be one generic provider with the company update folder’s http(s) url');
  problems.push(...asarProblems(cfg, root));
  if (!(cfg.extraMetadata?.main ?? pkg.main)?.startsWith('out/electron/'))
    problems.push('main must point into out/electron');
  return problems;
}

export function validateBuilderConfig(root, pkg) {
  const cfg = JSON.parse(readFileSync(`${root}build/electron-builder.json`, 'utf8'));
  const problems = builderConfigProblems(cfg, root, pkg);
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

/**
 * electron-builder's own check of the configuration against its JSON schema (app-builder-lib's
 * validateConfiguration, as `electron-builder` runs it before packaging): unknown keys, wrong targets or archs.
 * Needs no Electron download. Throws electron-builder's message when the configuration does not match.
 */
export async function validateBuilderSchema(cfg) {
  const require = createRequire(import.meta.url);
  const builderDir = require.resolve('electron-builder/package.json').replace(/package\.json$/, '');
  const fromBuilder = createRequire(builderDir);
  const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = fromBuilder('builder-util');
  await validateConfiguration(structuredClone(cfg), new DebugLogger(false));
}
