/**
 * The shell's side of auto-update: on a packaged build that carries the company's update public key
 * (out/electron/update-public-key.pem, copied from build/ by `npm run build`) and its update folder
 * (resources/app-update.yml, written by electron-builder from `publish`), it checks a few minutes after start and
 * then every 6 hours, each counter at its own jittered time, and logs what it found. A verified update installs when
 * the program is next closed; nothing interrupts the clerk. Runtime: Electron main (plain Node).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedUpdates, type UpdaterLike, type UpdateState, updateMessage } from './signed-updates';

export interface UpdateSetup {
  /** out/ of the build (holds electron/update-public-key.pem). */
  outDir: string;
  /** Where electron-builder put app-update.yml (process.resourcesPath in a package). */
  resourcesDir: string;
  version: string;
  isPackaged: boolean;
  updater: () => UpdaterLike;
  log: (level: 'info' | 'warn' | 'error', msg: string) => void;
  firstCheckMs?: number;
  everyMs?: number;
  random?: () => number;
}

/** The update folder's URL from electron-builder's app-update.yml (`url: …`), or null. */
export function feedUrlOf(appUpdateYml: string): string | null {
  const m = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(appUpdateYml);
  return m?.[1] ?? null;
}

/** Starts the schedule, or logs why auto-update is off. Returns a stop function. */
export function startUpdates(s: UpdateSetup): { stop: () => void; checkNow?: () => Promise<UpdateState> } {
  const keyFile = join(s.outDir, 'electron', 'update-public-key.pem');
  const ymlFile = join(s.resourcesDir, 'app-update.yml');
  const feedUrl = existsSync(ymlFile) ? feedUrlOf(readFileSync(ymlFile, 'utf8')) : null;
  if (!s.isPackaged || !existsSync(keyFile) || !feedUrl) {
    const why = !s.isPackaged ? 'not packaged' : !feedUrl ? `no url in ${ymlFile}` : `no ${keyFile}`;
    s.log('info', `auto-update off (${why}): ${updateMessage('UPDATE_OFF')}`);
    return { stop: () => {} };
  }
  const u = signedUpdates({
    updater: s.updater(),
    feedUrl,
    publicKeyPem: readFileSync(keyFile, 'utf8'),
    currentVersion: s.version,
  });
  const random = s.random ?? Math.random;
  const every = s.everyMs ?? 6 * 3600_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const checkNow = async () => {
    const state = await u.check();
    if (state.kind === 'ready')
      s.log(
        'info',
        `update ${state.version} downloaded and verified; it installs when GasDesk is next closed`,
      );
    else if (state.kind === 'refused')
      s.log(
        state.code === 'UPDATE_FEED_UNREACHABLE' ? 'warn' : 'error',
        `update: ${state.code} ${state.message} ${state.detail ?? ''}`,
      );
    return state;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void checkNow().finally(() => schedule(every + Math.floor(random() * every * 0.1)));
    }, ms);
    timer.unref?.();
  };
  // Counters started together (a hall opening) spread their first check over a quarter of an hour.
  schedule((s.firstCheckMs ?? 120_000) + Math.floor(random() * 15 * 60_000));
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    checkNow,
  };
}
