/**
 * Auto-update from the company's folder: electron-updater's generic provider against a real HTTP server serving
 * latest-linux.yml, its signature and the .deb; Electron's `app` and `net` replaced by test doubles
 * (tests/support/update-test-doubles.ts). An installer is let through only when the feed's signature holds and the
 * downloaded bytes hash to the signed sha512.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JavaScript build script, without types
import { generateUpdateKeys, signFeed } from '../../build/sign-update.js';
import {
  debUpdaterForTests,
  latestYml,
  testAppAdapter,
  updateFolder,
} from '../../tests/support/update-test-doubles';
import { channelFile, isNewer, signedUpdates } from './signed-updates';

const root = mkdtempSync(join(tmpdir(), 'gasdesk-update-'));
const folder = join(root, 'folder');
const keys = generateUpdateKeys();
const otherKeys = generateUpdateKeys();
let feed: Awaited<ReturnType<typeof updateFolder>>;
let n = 0;

/** Publishes `version` in the folder: the .deb, latest-linux.yml and (unless `sig` is false) its signature. */
function publish(version: string, opts: { bytes?: Buffer; sig?: false | string; yml?: string } = {}) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const file = `GasDesk-${version}-amd64.deb`;
  const bytes = opts.bytes ?? Buffer.from(`installer of ${version}\n`.repeat(5000));
  writeFileSync(join(folder, file), bytes);
  const yml = opts.yml ?? latestYml(version, file, bytes);
  writeFileSync(join(folder, 'latest-linux.yml'), yml);
  if (opts.sig !== false)
    writeFileSync(
      join(folder, 'latest-linux.yml.sig'),
      opts.sig ?? signFeed(Buffer.from(yml), keys.privateKeyPem),
    );
  return { file, bytes, yml };
}

function updates(current = '1.0.0', publicKeyPem = keys.publicKeyPem) {
  const dir = join(root, `app-${++n}`);
  const updater = debUpdaterForTests(testAppAdapter(dir, current, feed.url));
  const u = signedUpdates({
    updater,
    feedUrl: feed.url,
    publicKeyPem,
    currentVersion: current,
    platform: 'linux',
    arch: 'x64',
  });
  return { u, updater };
}

beforeAll(async () => {
  feed = await updateFolder(folder);
});
afterAll(() => feed.server.close());
beforeEach(() => {
  feed.requests.length = 0;
  feed.later.clear();
});

describe('signed auto-update from a generic-provider folder', () => {
  it('downloads a newer signed version, checks its hash, and only then lets it install at the next quit', async () => {
    const { bytes } = publish('1.1.0');
    const { u, updater } = updates('1.0.0');
    expect(updater.autoInstallOnAppQuit).toBe(false);
    const state = await u.check();
    expect(state).toMatchObject({ kind: 'ready', version: '1.1.0' });
    expect(state.kind === 'ready' && state.file.endsWith('GasDesk-1.1.0-amd64.deb')).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(feed.requests).toEqual(
      expect.arrayContaining(['latest-linux.yml', 'latest-linux.yml.sig', 'GasDesk-1.1.0-amd64.deb']),
    );
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('says current when the signed version is not newer, and downloads nothing', async () => {
    publish('1.0.0');
    const { u, updater } = updates('1.0.0');
    expect(await u.check()).toEqual({ kind: 'current', version: '1.0.0' });
    expect(feed.requests.some((r) => r.endsWith('.deb'))).toBe(false);
    expect(u.installNow()).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('refuses a feed without a signature, or signed by another key, or altered after signing, before any download', async () => {
    publish('1.1.0', { sig: false });
    expect(await updates().u.check()).toMatchObject({
      kind: 'refused',
      code: 'UPDATE_SIGNATURE_MISSING',
      message: expect.stringMatching(/没有签名/),
    });
    publish('1.1.0');
    expect(await updates('1.0.0', otherKeys.publicKeyPem).u.check()).toMatchObject({
      code: 'UPDATE_SIGNATURE_INVALID',
    });
    const signedYml = publish('1.1.0').yml;
    publish('1.2.0', { sig: signFeed(Buffer.from(signedYml), keys.privateKeyPem) });
    const { u, updater } = updates();
    expect(await u.check()).toMatchObject({
      code: 'UPDATE_SIGNATURE_INVALID',
      message: expect.stringMatching(/篡改/),
    });
    expect(feed.requests.some((r) => r.endsWith('.deb'))).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(u.installNow()).toBe(false);
  });

  it('refuses an installer swapped in the folder after the feed was signed: nothing to install', async () => {
    const { file } = publish('1.1.0');
    writeFileSync(join(folder, file), Buffer.from('a different installer'));
    const { u, updater } = updates();
    expect(await u.check()).toMatchObject({ kind: 'refused', code: 'UPDATE_HASH_MISMATCH' });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(u.installNow()).toBe(false);
  });

  it('refuses an installer whose feed was swapped between the signed read and electron-updater’s own read', async () => {
    const { file } = publish('1.1.0');
    const evil = Buffer.from('an installer nobody signed');
    writeFileSync(join(folder, file), evil);
    // electron-updater's own read of the feed gets an unsigned one naming the evil bytes: its sha512 check passes.
    feed.later.set('latest-linux.yml', Buffer.from(latestYml('1.1.0', file, evil)));
    const { u, updater } = updates();
    expect(await u.check()).toMatchObject({
      kind: 'refused',
      code: 'UPDATE_HASH_MISMATCH',
      detail: expect.stringMatching(/against the signed latest-linux\.yml/),
    });
    expect(feed.requests.filter((r) => r === 'latest-linux.yml')).toHaveLength(2);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('says the folder cannot be reached, without throwing, when the server does not answer', async () => {
    const updater = debUpdaterForTests(testAppAdapter(join(root, 'gone'), '1.0.0', 'http://127.0.0.1:9/'));
    const u = signedUpdates({
      updater,
      feedUrl: 'http://127.0.0.1:9/gasdesk',
      publicKeyPem: keys.publicKeyPem,
      currentVersion: '1.0.0',
    });
    expect(await u.check()).toMatchObject({ kind: 'refused', code: 'UPDATE_FEED_UNREACHABLE' });
  });

  it('names the channel file as electron-updater does, and orders versions', () => {
    expect(channelFile('win32', 'x64')).toBe('latest.yml');
    expect(channelFile('linux', 'x64')).toBe('latest-linux.yml');
    expect(channelFile('linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(isNewer('1.10.0', '1.9.3')).toBe(true);
    expect(isNewer('1.0.0', '1.0.0-rc.1')).toBe(true);
    expect(isNewer('1.0.0-rc.1', '1.0.0')).toBe(false);
    expect(isNewer('0.9.9', '1.0.0')).toBe(false);
  });
});
