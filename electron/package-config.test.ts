/**
 * The desktop package's configuration (build/electron-builder.json), checked as `npm run build` checks it: the
 * Electron fuses set, and the asar holding the bundles and the native modules with exactly what they load.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JavaScript build script, without types
import { builderConfigProblems, FUSES, validateBuilderSchema } from '../build/validate-builder-config.js';

const root = new URL('../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const config = () => JSON.parse(readFileSync(`${root}build/electron-builder.json`, 'utf8'));

describe('the desktop package’s configuration', () => {
  it('is valid as it stands: fuses set, node_modules cut to the native modules', () => {
    expect(builderConfigProblems(config(), root, pkg)).toEqual([]);
    expect(FUSES).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableNodeCliInspectArguments: false,
    });
  });

  it('names a fuse left as Electron ships it, a native module’s dependency missing, and a module no one loads', () => {
    const cfg = config();
    cfg.electronFuses.runAsNode = true;
    cfg.files = cfg.files
      .filter((f: string) => f !== 'node_modules/bindings/**')
      .concat('node_modules/antd/**');
    expect(builderConfigProblems(cfg, root, pkg)).toEqual([
      'electronFuses.runAsNode must be false',
      'files must include node_modules/bindings/** (a native module loads it)',
      'files names node_modules/antd/**, which no native module loads',
    ]);
  });

  it('builds NSIS x64 and deb and AppImage for x64 and arm64, each target with each of its archs', () => {
    const cfg = config();
    expect(cfg.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(cfg.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    cfg.linux.target[1].arch = ['x64'];
    cfg.win.target = [{ target: 'portable', arch: ['x64'] }];
    expect(builderConfigProblems(cfg, root, pkg)).toEqual([
      'win targets must include nsis x64',
      'linux targets must include AppImage arm64',
    ]);
  });

  it('publishes to one generic update folder (the company’s own), which electron-updater reads', () => {
    expect(config().publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^http/) }]);
    const cfg = config();
    cfg.publish = [{ provider: 'github', owner: 'x', repo: 'y' }];
    expect(builderConfigProblems(cfg, root, pkg)).toEqual([
      'publish must be one generic provider with the company update folder’s http(s) url',
    ]);
  });

  it('passes electron-builder’s own schema, which refuses an unknown key and an unknown arch', async () => {
    await validateBuilderSchema(config());
    const unknownKey = config();
    unknownKey.nsis.languag = '2052';
    await expect(validateBuilderSchema(unknownKey)).rejects.toThrow(/configuration\.nsis/);
    const badArch = config();
    badArch.linux.target[0].arch = ['x64', 'mips'];
    await expect(validateBuilderSchema(badArch)).rejects.toThrow(/configuration\.linux/);
  }, 60_000); // loading electron-builder's library takes seconds on a loaded machine
});
