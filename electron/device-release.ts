/**
 * The desktop counter lets its devices go whenever it quits — its window closed, SIGTERM, SIGINT, the menu's
 * quit — so that a restarted counter (or `gasdesk card info`) can open the reader's port at once: quitting waits
 * (at most 2 s, then the process exits anyway) until the reader is closed and the database shut.
 * Runtime: Electron main.
 */
import type { ElectronApi } from './shell';

/** What a signal source needs (the process; a fake in tests). */
export type Signals = Pick<NodeJS.Process, 'once' | 'off'>;

export const RELEASE_DEADLINE_MS = 2000;

export function releaseOnQuit(
  app: ElectronApi['app'],
  release: () => Promise<void>,
  signals: Signals = process,
): void {
  let state: 'running' | 'releasing' | 'released' = 'running';
  const quit = () => app.quit();
  signals.once('SIGTERM', quit);
  signals.once('SIGINT', quit);
  app.on('window-all-closed', quit);
  app.on('will-quit', (ev) => {
    if (state === 'released') return;
    ev.preventDefault();
    if (state === 'releasing') return;
    state = 'releasing';
    const backstop = setTimeout(() => app.exit(0), RELEASE_DEADLINE_MS);
    backstop.unref();
    void release()
      .catch(() => {})
      .finally(() => {
        state = 'released';
        clearTimeout(backstop);
        signals.off('SIGTERM', quit);
        signals.off('SIGINT', quit);
        app.quit();
      });
  });
}
