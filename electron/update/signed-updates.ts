/**
 * Auto-update from the company's own update folder (electron-updater's generic provider), installing only what the
 * company signed. Before anything is downloaded, latest*.yml is fetched with its .sig and the Ed25519 signature is
 * checked with the public key built into the asar (build/sign-update.js makes both). electron-updater then
 * checks and downloads (it verifies the file's sha512 against the yml it read); this module hashes the downloaded
 * installer again against the *signed* yml, and only then lets electron-updater install it, at the next quit.
 * Any refusal leaves the counter as it is, with a stable code and a Chinese message for the log and the menu.
 * Runtime: Electron main (plain Node: tested against a real HTTP server with a test double for Electron's app).
 */
import { createHash, verify } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { getFileList, parseUpdateInfo } from 'electron-updater/out/providers/Provider';

/** The part of electron-updater's AppUpdater this module drives. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  disableWebInstaller: boolean;
  disableDifferentialDownload: boolean;
  checkForUpdates(): Promise<{ updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export type UpdateCode =
  | 'UPDATE_OFF'
  | 'UPDATE_FEED_UNREACHABLE'
  | 'UPDATE_SIGNATURE_MISSING'
  | 'UPDATE_SIGNATURE_INVALID'
  | 'UPDATE_FEED_INVALID'
  | 'UPDATE_FEED_CHANGED'
  | 'UPDATE_DOWNLOAD_FAILED'
  | 'UPDATE_HASH_MISMATCH';

export type UpdateState =
  | { kind: 'current'; version: string }
  | { kind: 'ready'; version: string; file: string }
  | { kind: 'refused'; code: UpdateCode; message: string; detail?: string };

const MESSAGES: Record<UpdateCode, string> = {
  UPDATE_OFF: '自动更新未启用：本安装包没有配置更新地址或更新公钥。',
  UPDATE_FEED_UNREACHABLE: '无法连接公司的更新目录，稍后会再试；柜台照常使用。',
  UPDATE_SIGNATURE_MISSING: '更新目录中的版本说明没有签名，已拒绝此更新。请联系技术人员。',
  UPDATE_SIGNATURE_INVALID: '更新目录中的版本说明签名不正确，可能被篡改，已拒绝此更新。请联系技术人员。',
  UPDATE_FEED_INVALID: '更新目录中的版本说明无法读取，已拒绝此更新。请联系技术人员。',
  UPDATE_FEED_CHANGED: '下载时更新目录的内容发生了变化，已放弃此次更新，稍后会再试。',
  UPDATE_DOWNLOAD_FAILED: '更新安装包下载失败，稍后会再试；柜台照常使用。',
  UPDATE_HASH_MISMATCH: '下载的更新安装包与签名的校验值不符，已删除不装。请联系技术人员。',
};

const refused = (code: UpdateCode, detail?: string): UpdateState => ({
  kind: 'refused',
  code,
  message: MESSAGES[code],
  ...(detail ? { detail } : {}),
});

/** The file electron-updater's generic provider reads for this platform (its Provider.getChannelFilePrefix). */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'linux') return `latest-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  return platform === 'darwin' ? 'latest-mac.yml' : 'latest.yml';
}

interface SignedFeed {
  version: string;
  files: { url: string; sha512: string }[];
}

function parseFeed(text: string, name: string, url: URL): SignedFeed | null {
  // electron-updater's own reading of the file (js-yaml; the old top-level path/sha512 form included).
  const info = parseUpdateInfo(text, name, url);
  if (!info || typeof info.version !== 'string') return null;
  const files = getFileList(info).filter((f) => typeof f.url === 'string' && typeof f.sha512 === 'string');
  return files.length > 0 ? { version: info.version, files } : null;
}

/** Whether version `a` is newer than `b` (x.y.z, a pre-release older than its release). */
export function isNewer(a: string, b: string): boolean {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++)
    if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) > (y.nums[i] ?? 0);
  if (x.pre === y.pre) return false;
  if (x.pre === undefined) return true;
  if (y.pre === undefined) return false;
  return x.pre > y.pre;
}

async function sha512Base64(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

export interface SignedUpdatesOptions {
  updater: UpdaterLike;
  /** The update folder's URL (app-update.yml's `url`), ending in `/` or not. */
  feedUrl: string;
  /** The company's Ed25519 public key (PEM), from the asar. */
  publicKeyPem: string;
  currentVersion: string;
  platform?: NodeJS.Platform;
  arch?: string;
  timeoutMs?: number;
}

/**
 * Checks the signed feed, lets electron-updater download a newer version and verifies it. Resolves to `ready`
 * only when the installer's bytes hash to the signed sha512; electron-updater installs it at the next quit
 * (autoInstallOnAppQuit is set only then), or at once through `installNow()`.
 */
export function signedUpdates(opts: SignedUpdatesOptions) {
  const { updater } = opts;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.disableWebInstaller = true;
  updater.disableDifferentialDownload = true;
  const base = opts.feedUrl.endsWith('/') ? opts.feedUrl : `${opts.feedUrl}/`;
  const file = channelFile(opts.platform ?? process.platform, opts.arch ?? process.arch);
  let state: UpdateState | null = null;

  const get = async (name: string) => {
    const res = await fetch(new URL(name, base), { signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    return res.ok ? Buffer.from(await res.arrayBuffer()) : res.status === 404 ? null : undefined;
  };

  async function check(): Promise<UpdateState> {
    updater.autoInstallOnAppQuit = false;
    let yml: Buffer | null | undefined;
    let sig: Buffer | null | undefined;
    try {
      [yml, sig] = await Promise.all([get(file), get(`${file}.sig`)]);
    } catch (err) {
      return refused('UPDATE_FEED_UNREACHABLE', String(err));
    }
    if (yml === undefined || sig === undefined || yml === null)
      return refused('UPDATE_FEED_UNREACHABLE', `${file} not served`);
    if (sig === null) return refused('UPDATE_SIGNATURE_MISSING', `${file}.sig`);
    let good = false;
    try {
      good = verify(null, yml, opts.publicKeyPem, Buffer.from(sig.toString('utf8').trim(), 'base64'));
    } catch (err) {
      return refused('UPDATE_SIGNATURE_INVALID', String(err));
    }
    if (!good) return refused('UPDATE_SIGNATURE_INVALID', file);
    let feed: SignedFeed | null = null;
    try {
      feed = parseFeed(yml.toString('utf8'), file, new URL(file, base));
    } catch (err) {
      return refused('UPDATE_FEED_INVALID', String(err));
    }
    if (!feed) return refused('UPDATE_FEED_INVALID', `${file} names no version or file`);
    if (!isNewer(feed.version, opts.currentVersion)) return { kind: 'current', version: opts.currentVersion };

    let downloaded: string[];
    try {
      const found = await updater.checkForUpdates();
      if (found?.updateInfo.version !== feed.version)
        return refused('UPDATE_FEED_CHANGED', `signed ${feed.version}, read ${found?.updateInfo.version}`);
      downloaded = await updater.downloadUpdate();
    } catch (err) {
      const code = (err as { code?: string }).code;
      // electron-updater's own sha512 check of the download against the yml it read.
      if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(String(err)))
        return refused('UPDATE_HASH_MISMATCH', String(err));
      return refused('UPDATE_DOWNLOAD_FAILED', String(err));
    }
    const installer = downloaded[0];
    const signed = installer && feed.files.find((f) => basename(f.url) === basename(installer));
    const expected = signed ? signed.sha512 : undefined;
    if (!installer || !expected || (await sha512Base64(installer)) !== expected)
      return refused('UPDATE_HASH_MISMATCH', `${installer} against the signed ${file}`);
    updater.autoInstallOnAppQuit = true;
    return { kind: 'ready', version: feed.version, file: installer };
  }

  return {
    /** Checks and downloads; never throws. The last result is kept for `installNow`. */
    async check(): Promise<UpdateState> {
      state = await check();
      return state;
    },
    get state() {
      return state;
    },
    /** Quits and installs now, if (and only if) the last check verified an installer. */
    installNow(): boolean {
      if (state?.kind !== 'ready') return false;
      updater.quitAndInstall(false, true);
      return true;
    },
  };
}

export const updateMessage = (code: UpdateCode) => MESSAGES[code];
